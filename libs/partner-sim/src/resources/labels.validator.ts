import { ValidateBy, type ValidationOptions } from 'class-validator';

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$/;
const MAX_LABELS = 32;
const MAX_VALUE_LENGTH = 256;

/** Why the value is not a label map, or null when it is one. */
export function labelMapProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'labels must be an object of strings';
  const entries = Object.entries(value);
  if (entries.length > MAX_LABELS) return `labels may hold at most ${MAX_LABELS} labels`;
  for (const [key, item] of entries) {
    if (!LABEL_KEY.test(key)) return `label '${key.slice(0, 64)}' must be a name of letters, digits, '.', '_', '/' or '-'`;
    if (typeof item !== 'string' || item.length > MAX_VALUE_LENGTH) return `label '${key}' must be a string of at most ${MAX_VALUE_LENGTH} characters`;
  }
  const tenant = (value as Record<string, unknown>).tenant;
  if (typeof tenant !== 'string' || tenant === '') return 'labels.tenant is required: every resource belongs to a tenant';
  return null;
}

/** Labels: string values under simple names, with `tenant` always present. */
export const IsLabelMap = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isLabelMap',
      validator: {
        validate: (value: unknown) => labelMapProblem(value) === null,
        defaultMessage: (args) => labelMapProblem(args?.value) ?? 'labels are not valid',
      },
    },
    options,
  );
