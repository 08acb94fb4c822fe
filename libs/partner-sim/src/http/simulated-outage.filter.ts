import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { SimulatedOutageError } from '../domain/partner-sim.errors.js';

/** A simulated outage as HTTP: a 503, or a 429, with Retry-After when the outage names one. */
export function outageAnswer(error: SimulatedOutageError): { exception: HttpException; headers: Record<string, string> } {
  const { status, retryAfterSeconds } = error.outage;
  const code = status === 429 ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
  return { exception: new HttpException(error.message, code), headers: retryAfterSeconds === null ? {} : { 'Retry-After': String(retryAfterSeconds) } };
}

/** A simulated outage is a 503, or a 429 with Retry-After, in the same problem+json as every error. */
@Catch(SimulatedOutageError)
export class SimulatedOutageFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: SimulatedOutageError, host: ArgumentsHost): void {
    const { exception, headers } = outageAnswer(error);
    const response = host.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    this.problems.catch(exception, host);
  }
}
