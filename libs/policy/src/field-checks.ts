import { COUNTRY_CODE_PATTERN } from '#libs/catalogue/src/domain/vocabulary.js';

/**
 * Small composable checks for rule params, which arrive as untyped JSON from operators. Each check
 * returns field errors in the API's shape (`field` a dotted path, `message` naming the field),
 * so the HTTP layer can answer 400 without translating anything.
 */
export interface FieldError {
  field: string;
  message: string;
}

export type FieldCheck = (value: unknown, field: string) => FieldError[];

const invalid = (field: string, message: string): FieldError[] => [{ field, message: `${field} ${message}` }];

export const text =
  (maxLength: number): FieldCheck =>
  (value, field) => {
    if (typeof value !== 'string') return invalid(field, 'must be a string');
    if (value.trim().length === 0) return invalid(field, 'must not be empty');
    return value.length > maxLength ? invalid(field, `must be at most ${maxLength} characters`) : [];
  };

export const countryField: FieldCheck = (value, field) =>
  typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value)
    ? []
    : invalid(field, "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. 'CN'");

export const booleanField: FieldCheck = (value, field) => (typeof value === 'boolean' ? [] : invalid(field, 'must be true or false'));

export const oneOf =
  (values: readonly string[]): FieldCheck =>
  (value, field) =>
    typeof value === 'string' && values.includes(value) ? [] : invalid(field, `must be one of: ${values.join(', ')}`);

export const positiveInteger: FieldCheck = (value, field) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? [] : invalid(field, 'must be a whole number of at least 1');

/** A non-empty list; a repeated plain value is an error, since it can only be a slip. */
export const listOf =
  (item: FieldCheck): FieldCheck =>
  (value, field) => {
    if (!Array.isArray(value)) return invalid(field, 'must be a list');
    if (value.length === 0) return invalid(field, 'must not be empty');
    const itemErrors = value.flatMap((element, index) => item(element, `${field}.${index}`));
    const repeats = value.flatMap((element, index) =>
      typeof element !== 'object' && value.indexOf(element) !== index ? invalid(`${field}.${index}`, `repeats ${JSON.stringify(element)}`) : [],
    );
    return [...itemErrors, ...repeats];
  };

/**
 * An object with exactly the given fields: unknown ones are errors, absent ones are fine unless
 * `required`. `whole` checks across fields, and only runs once each field is valid on its own.
 */
export const objectField =
  (
    fields: Record<string, FieldCheck>,
    required: readonly string[] = [],
    whole?: (value: Record<string, unknown>, field: string) => FieldError[],
  ): FieldCheck =>
  (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(field, 'must be an object');
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record)
      .filter((key) => !Object.hasOwn(fields, key))
      .flatMap((key) => invalid(`${field}.${key}`, 'is not a known field'));
    const missing = required.filter((key) => record[key] === undefined).flatMap((key) => invalid(`${field}.${key}`, 'is required'));
    const wrong = Object.entries(fields)
      .filter(([key]) => record[key] !== undefined)
      .flatMap(([key, check]) => check(record[key], `${field}.${key}`));
    const errors = [...unknown, ...missing, ...wrong];
    return errors.length === 0 && whole ? whole(record, field) : errors;
  };

/** True when at least one of `keys` is present (not undefined) in `record`. */
export const hasAnyOf = (record: Record<string, unknown>, keys: readonly string[]): boolean =>
  keys.some((key) => record[key] !== undefined);
