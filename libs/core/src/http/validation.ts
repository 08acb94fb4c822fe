import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import type { FieldError } from './problem-details.js';

/** Thrown by the validation pipe; the problem filter renders its field errors. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request is not valid.');
  }
}

/** Constraints that say what type a field must have: the most useful message when several fail. */
const TYPE_CONSTRAINTS = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isIn', 'isEnum', 'isUuid'];

/** One message per field: "is required" when absent, else the type rule, else the first rule broken. */
function messageFor(field: string, error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return undefined;
  if (error.value === undefined && names[0] !== 'whitelistValidation') return `${field} is required`;
  const typeRule = names.find((name) => TYPE_CONSTRAINTS.includes(name));
  return constraints[typeRule ?? names[0]];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = messageFor(field, error);
    return [...(message ? [{ field, message }] : []), ...flatten(error.children ?? [], field)];
  });
}

/** Strict input: unknown fields are refused, never silently dropped; no implicit type coercion. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new RequestValidationException(flatten(errors)),
  });
}

/**
 * Like class-validator's IsOptional, but only an absent field is optional: `null` is a value of
 * the wrong type and gets the field's own error, rather than silently meaning "not given".
 */
export const IsAbsentOrValid = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
