import { NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestValidationException } from './validation.js';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

const hasBody = (req: Request): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * A body in any other media type would reach the handlers as an empty object and fail
 * validation with misleading messages; refuse it up front. Runs before the body parser.
 */
export function requireJsonMediaType(req: Request, _res: Response, next: NextFunction): void {
  if (METHODS_WITH_BODY.has(req.method) && hasBody(req) && !req.is('application/json')) {
    next(
      new UnsupportedMediaTypeException(
        `Send the body as application/json (got '${req.headers['content-type'] ?? 'no content type'}').`,
      ),
    );
    return;
  }
  next();
}

/** Paths of strings holding a NUL character, which PostgreSQL text cannot store. */
function nulPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => nulPaths(child, path ? `${path}.${key}` : key));
}

/**
 * Every body we accept is a JSON object (an array would be validated index by index), and no
 * string in it holds a NUL, which PostgreSQL would refuse with a 500. Runs after the parser.
 */
export function requireJsonObject(req: Request, _res: Response, next: NextFunction): void {
  if (METHODS_WITH_BODY.has(req.method) && hasBody(req) && (typeof req.body !== 'object' || Array.isArray(req.body))) {
    next(new RequestValidationException([{ field: '(body)', message: 'the body must be a JSON object' }]));
    return;
  }
  if (/%00/.test(req.path)) {
    // No resource is named with a NUL: the same answer as for any unknown id.
    next(new NotFoundException(`Nothing exists at ${req.path}.`));
    return;
  }
  const offending = nulPaths(req.body, '');
  if (offending.length > 0) {
    next(new RequestValidationException(offending.map((field) => ({ field, message: `${field} must not contain NUL characters` }))));
    return;
  }
  next();
}
