/**
 * Derives bad-input cases from the API's own OpenAPI document, so a new route or field is covered
 * the day it is added. Each case breaks exactly one thing of an otherwise valid request.
 */
export interface SchemaObject {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  $ref?: string;
  allOf?: SchemaObject[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: SchemaObject }> } }>>;
  components: { schemas: Record<string, SchemaObject> };
}

export interface BadInputCase {
  name: string;
  /** The JSON body to send, or a raw string for malformed JSON. */
  body: unknown;
  raw?: string;
  status: number;
  /** The field the problem's `errors` must name, when the status is 400 for a field. */
  field?: string;
}

export function resolve(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}

/** A value of the wrong JSON type for the schema. */
function wrongType(schema: SchemaObject): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return '12';
    case 'boolean':
      return 'true';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return schema.enum ? 12345 : undefined;
  }
}

const withValue = (body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const copy = { ...body };
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  return { ...body, [head]: withValue((body[head] ?? {}) as Record<string, unknown>, rest, value) };
};

/** The cases that break one field of `valid`, recursing into nested objects. */
export function fieldCases(
  document: OpenApiDocument,
  schemaRef: SchemaObject,
  valid: Record<string, unknown>,
  parent: string[] = [],
): BadInputCase[] {
  const schema = resolve(document, schemaRef);
  const cases: BadInputCase[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, propertyRef] of Object.entries(schema.properties ?? {})) {
    const property = resolve(document, propertyRef);
    const path = [...parent, name];
    const field = path.join('.');
    const set = (value: unknown) => withValue(valid, path, value);
    const wrong = wrongType(property);
    if (wrong !== undefined) cases.push({ name: `${field}: wrong type`, body: set(wrong), status: 400, field });
    if (required.has(name)) cases.push({ name: `${field}: missing`, body: set(undefined), status: 400, field });
    cases.push({ name: `${field}: null`, body: set(null), status: 400, field });
    if (property.type === 'integer') {
      cases.push({ name: `${field}: not an integer`, body: set(1.5), status: 400, field });
      if (property.minimum !== undefined) {
        cases.push({ name: `${field}: below minimum`, body: set(property.minimum - 1), status: 400, field });
      }
      if (property.maximum !== undefined) {
        cases.push({ name: `${field}: above maximum`, body: set(property.maximum + 1), status: 400, field });
      }
    }
    if (property.type === 'string') {
      cases.push({ name: `${field}: NUL character`, body: set('a\u0000b'), status: 400, field });
    }
    if (property.type === 'string' && property.maxLength !== undefined) {
      cases.push({ name: `${field}: too long`, body: set('x'.repeat(property.maxLength + 1)), status: 400, field });
    }
    if (property.enum) cases.push({ name: `${field}: not in enum`, body: set('no-such-value'), status: 400, field });
    if (property.type === 'array') {
      cases.push({ name: `${field}: item of wrong type`, body: set([{ nested: true }]), status: 400, field });
      if (property.maxItems !== undefined) {
        const item = ((path.reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], valid) as unknown[]) ?? [])[0] ?? 'x';
        cases.push({ name: `${field}: too many items`, body: set(Array(property.maxItems + 1).fill(item)), status: 400, field });
      }
    }
    if (property.type === 'object' || property.properties) {
      const nestedValid = (path.reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], valid) ?? {}) as Record<
        string,
        unknown
      >;
      cases.push(...fieldCases(document, property, valid, path));
      cases.push({ name: `${field}: unknown nested field`, body: set({ ...nestedValid, surprise: 1 }), status: 400, field: `${field}.surprise` });
    }
  }
  return cases;
}

/** The cases every JSON route gets, whatever its fields. */
export function bodyCases(valid: Record<string, unknown>, bodyLimitBytes: number): BadInputCase[] {
  return [
    { name: 'malformed JSON', body: undefined, raw: '{"unterminated": ', status: 400 },
    { name: 'body is an array', body: [valid], status: 400, field: '(body)' },
    { name: 'unknown field', body: { ...valid, surprise: 'field' }, status: 400, field: 'surprise' },
    { name: 'oversized body', body: { ...valid, padding: 'x'.repeat(bodyLimitBytes + 1) }, status: 413 },
  ];
}

const BOUNDS_BY_TYPE: Record<string, string[]> = {
  string: ['maxLength'],
  integer: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
  array: ['minItems', 'maxItems'],
};

/** The cases above are only as good as the bounds the document states: list any left unstated. */
export function unstatedBounds(document: OpenApiDocument, schemaRef: SchemaObject, parent = ''): string[] {
  const schema = resolve(document, schemaRef);
  return Object.entries(schema.properties ?? {}).flatMap(([name, propertyRef]) => {
    const property = resolve(document, propertyRef);
    const field = parent ? `${parent}.${name}` : name;
    if (property.properties) return unstatedBounds(document, property, field);
    if (property.enum) return [];
    const needs = BOUNDS_BY_TYPE[property.type ?? ''] ?? [];
    return needs.filter((keyword) => property[keyword as keyof SchemaObject] === undefined).map((k) => `${field}: ${k}`);
  });
}
