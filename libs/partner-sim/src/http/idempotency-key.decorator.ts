import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../domain/vocabulary.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The call's Idempotency-Key header; every mutating partner call must carry one (400 otherwise). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().header(IDEMPOTENCY_KEY_HEADER);
  if (value === undefined || value === '') {
    throw new RequestValidationException([
      { field: IDEMPOTENCY_KEY_HEADER, message: `the ${IDEMPOTENCY_KEY_HEADER} header is required on every call that changes something` },
    ]);
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw new RequestValidationException([
      { field: IDEMPOTENCY_KEY_HEADER, message: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters` },
    ]);
  }
  return value;
});
