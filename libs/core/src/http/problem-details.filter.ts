import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from '../domain/domain-error.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details.js';
import { RequestValidationException } from './validation.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  duplicate: HttpStatus.CONFLICT,
  'rule-violation': HttpStatus.UNPROCESSABLE_ENTITY,
  'invalid-transition': HttpStatus.CONFLICT,
};

const TITLE_OF_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Body-parser errors carry a `type`; these are the client's fault, not ours. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number';
}

const BODY_PARSER_PROBLEMS: Record<string, { slug: string; detail: string }> = {
  'entity.parse.failed': { slug: 'malformed-json', detail: 'The request body is not valid JSON.' },
  'entity.too.large': { slug: 'body-too-large', detail: 'The request body is larger than the server accepts.' },
  'encoding.unsupported': { slug: 'unsupported-encoding', detail: 'The request body encoding is not supported.' },
  'charset.unsupported': { slug: 'unsupported-charset', detail: 'The request body charset is not supported.' },
};

/** Renders every error as RFC 9457 problem+json; nothing leaves the API in another shape. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl };
    if (problem.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
    // For whatever observes the finished response (the audit trail records the detail).
    response.locals.problem = problem;
    if (response.headersSent) {
      // A stream already started; the only honest thing left is to end it.
      response.end();
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  toProblem(error: unknown): ProblemDetails {
    if (error instanceof RequestValidationException) {
      return {
        type: problemType('validation-error'),
        title: 'Bad Request',
        status: 400,
        detail: `The request is not valid: ${error.fieldErrors.map((e) => e.message).join('; ')}.`,
        errors: error.fieldErrors,
      };
    }
    if (error instanceof DomainError) {
      const status = STATUS_OF_KIND[error.kind];
      return {
        ...error.extensions,
        type: problemType(error.code),
        title: TITLE_OF_STATUS[status],
        status,
        detail: error.detail,
      };
    }
    // The Express adapter wraps body-parser errors in an HttpException; the cause says which.
    const bodyError = error instanceof HttpException ? error.cause : error;
    if (isBodyParserError(bodyError) && bodyError.status >= 400 && bodyError.status < 500) {
      const known = BODY_PARSER_PROBLEMS[bodyError.type];
      return {
        type: problemType(known?.slug ?? 'bad-request'),
        title: TITLE_OF_STATUS[bodyError.status] ?? 'Bad Request',
        status: bodyError.status,
        detail: known ? `${known.detail} (${bodyError.message})` : bodyError.message,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
      const slug = (TITLE_OF_STATUS[status] ?? 'error').toLowerCase().replaceAll(' ', '-');
      return { type: problemType(slug), title: TITLE_OF_STATUS[status] ?? 'Error', status, detail };
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    return {
      type: problemType('internal-error'),
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server failed to handle the request; it has been logged.',
    };
  }
}
