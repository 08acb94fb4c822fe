import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationException } from '#libs/core/src/http/validation.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const PRINTABLE_KEY = /^[\x20-\x7e]{1,200}$/;

/** For @ApiHeader: what the header is and how it behaves. */
export const IDEMPOTENCY_KEY_DOC = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description:
    '1 to 200 printable ASCII characters, unique per intended operation (a uuid is a good choice). Retrying with the ' +
    'same key and body replays the first response (with `Idempotent-Replayed: true`) instead of acting again; the same ' +
    'key with another body is a 422. Keys are kept for 24 hours, per API key.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

/** The Idempotency-Key header, null when absent; a 400 when present but not 1..200 printable characters. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const value = context.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !PRINTABLE_KEY.test(value)) {
    throw new RequestValidationException([
      { field: IDEMPOTENCY_KEY_HEADER, message: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 200 printable ASCII characters` },
    ]);
  }
  return value;
});
