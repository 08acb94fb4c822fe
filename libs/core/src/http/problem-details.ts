/** RFC 9457 problem details, with field-level `errors` for validation failures. */
export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. `capacity.vcpu`. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://problems.hybrid-cloud.example/';

export const problemType = (slug: string): string => `${PROBLEM_BASE}${slug}`;
