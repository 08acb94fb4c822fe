import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { SimulatedOutageError } from '../domain/partner-sim.errors.js';

/** A simulated outage is a 503, or a 429 with Retry-After, in the same problem+json as every error. */
@Catch(SimulatedOutageError)
export class SimulatedOutageFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: SimulatedOutageError, host: ArgumentsHost): void {
    const { status, retryAfterSeconds } = error.outage;
    if (retryAfterSeconds !== null) host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    const code = status === 429 ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
    this.problems.catch(new HttpException(error.message, code), host);
  }
}
