import {
  PartnerBackend,
  type PartnerOperation,
  type PartnerResource,
  type ResourceFilter,
  type ResourceLabels,
  type ResourceType,
} from '../partner-backend.js';
import { PermanentPartnerError, TransientPartnerError } from '../partner-errors.js';
import { errorFromNetworkFailure, errorFromResponse } from './classify-partner-failure.js';
import { parseOperation, parseResourceList, UnexpectedBodyError } from './parse-partner-bodies.js';
import { keepAliveTransport, type PartnerTransport } from './partner-transport.js';

export interface HttpPartnerBackendOptions {
  /** Where the partner backends answer, e.g. http://127.0.0.1:3002 (no trailing slash needed). */
  baseUrl: string;
  /** Per call, connecting and reading the whole answer included. */
  timeoutMs: number;
  /** For tests (a fake fetch); defaults to keepAliveTransport. */
  fetch?: PartnerTransport;
}

interface Call {
  partner: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  idempotencyKey?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const segment = (value: string): string => encodeURIComponent(value);

/**
 * The partner backends over HTTP (the simulator's API, which the real partners' adapters would
 * mirror). One attempt per call, bounded by a timeout; failures are classified, never retried.
 */
export class HttpPartnerBackend extends PartnerBackend {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetch: PartnerTransport;

  constructor(options: HttpPartnerBackendOptions) {
    super();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs;
    this.fetch = options.fetch ?? keepAliveTransport();
  }

  async startCreate(
    partner: string,
    type: ResourceType,
    spec: Record<string, unknown>,
    labels: ResourceLabels,
    idempotencyKey: string,
  ): Promise<PartnerOperation> {
    const path = `/partners/${segment(partner)}/resources`;
    return parseOperationOf(partner, `POST ${path}`, await this.call({ partner, method: 'POST', path, body: { type, spec, labels }, idempotencyKey }));
  }

  async startDelete(partner: string, resourceId: string, idempotencyKey: string): Promise<PartnerOperation> {
    const path = `/partners/${segment(partner)}/resources/${segment(resourceId)}`;
    return parseOperationOf(partner, `DELETE ${path}`, await this.call({ partner, method: 'DELETE', path, idempotencyKey }));
  }

  async startPowerOn(partner: string, resourceId: string, idempotencyKey: string): Promise<PartnerOperation> {
    const path = `/partners/${segment(partner)}/resources/${segment(resourceId)}/power-on`;
    return parseOperationOf(partner, `POST ${path}`, await this.call({ partner, method: 'POST', path, idempotencyKey }));
  }

  async getOperation(partner: string, operationId: string): Promise<PartnerOperation> {
    const path = `/partners/${segment(partner)}/operations/${segment(operationId)}`;
    return parseOperationOf(partner, `GET ${path}`, await this.call({ partner, method: 'GET', path }));
  }

  async listResources(partner: string, filter: ResourceFilter = {}): Promise<PartnerResource[]> {
    const path = `/partners/${segment(partner)}/resources`;
    const body = await this.call({ partner, method: 'GET', path, query: { ...filter } });
    return parsed(partner, `GET ${path}`, () => parseResourceList(body));
  }

  /** One HTTP exchange; answers the parsed JSON body of a 2xx, throws a classified PartnerError otherwise. */
  private async call({ partner, method, path, query, body, idempotencyKey }: Call): Promise<unknown> {
    const name = `${method} ${path}`;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new PermanentPartnerError(`${partner}: ${name}: the idempotency key must be 1 to 255 visible ASCII characters`, partner, null, 'invalid-idempotency-key');
    }
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    let response: Awaited<ReturnType<PartnerTransport>>;
    let text: string;
    try {
      // One deadline for the whole exchange: a partner that stalls mid-answer times out too.
      const signal = AbortSignal.timeout(this.timeoutMs);
      response = await this.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
      text = await response.text();
    } catch (error) {
      throw errorFromNetworkFailure(partner, name, error, this.timeoutMs);
    }
    const json = parseJson(text);
    if (!response.ok) throw errorFromResponse(partner, name, response.status, response.headers, json);
    return json;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A 2xx we cannot read may have taken effect or not: transient, and the key makes a retry safe. */
function parsed<T>(partner: string, call: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UnexpectedBodyError)) throw error;
    throw new TransientPartnerError(`${partner}: ${call} answered with a body it cannot be: ${error.message}`, partner, null, null, { cause: error });
  }
}

const parseOperationOf = (partner: string, call: string, body: unknown): PartnerOperation => parsed(partner, call, () => parseOperation(body));
