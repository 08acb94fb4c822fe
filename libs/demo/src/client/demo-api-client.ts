import type { DataCentreView, DeploymentView, Page, PoolsView, ProblemView, ProvisioningRequestView } from './api-views.js';

export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface SubmitOptions {
  idempotencyKey?: string;
  /** Gives up waiting after this long, as a client with a deadline does (the call may still land). */
  timeoutMs?: number;
}

/** An answer the caller did not expect: the status and the problem, for the scenario's failure line. */
export class UnexpectedAnswerError extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const detail = (body as ProblemView | null)?.detail;
    super(`${call} answered ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The control plane's public HTTP API as one API key sees it. HTTP statuses are answers, not
 * errors: the scenarios look at refusals as closely as at successes. Only a network failure or a
 * timeout throws.
 */
export class DemoApiClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly key: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async call<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T, headers: response.headers };
  }

  /** The answer when its status is the one expected; anything else throws with the problem's detail. */
  async expect<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, { body });
    if (answer.status !== status) throw new UnexpectedAnswerError(`${method} ${path}`, answer.status, answer.body);
    return answer.body;
  }

  submit(body: unknown, options: SubmitOptions = {}): Promise<ApiAnswer<ProvisioningRequestView | ProblemView>> {
    const headers: Record<string, string> = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {};
    return this.call('POST', '/v1/provisioning-requests', { body, headers, timeoutMs: options.timeoutMs });
  }

  request(id: string): Promise<ProvisioningRequestView> {
    return this.expect(200, 'GET', `/v1/provisioning-requests/${id}`);
  }

  approve(id: string, reason: string): Promise<ApiAnswer<ProvisioningRequestView | ProblemView>> {
    return this.call('POST', `/v1/provisioning-requests/${id}/approve`, { body: { reason } });
  }

  reject(id: string, reason: string): Promise<ApiAnswer<ProvisioningRequestView | ProblemView>> {
    return this.call('POST', `/v1/provisioning-requests/${id}/reject`, { body: { reason } });
  }

  cancel(id: string): Promise<ApiAnswer<ProvisioningRequestView | ProblemView>> {
    return this.call('POST', `/v1/provisioning-requests/${id}/cancel`);
  }

  decommission(deploymentId: string): Promise<ApiAnswer<unknown>> {
    return this.call('POST', `/v1/deployments/${deploymentId}/decommission`);
  }

  deployment(id: string): Promise<DeploymentView> {
    return this.expect(200, 'GET', `/v1/deployments/${id}`);
  }

  dataCentre(code: string): Promise<DataCentreView> {
    return this.expect(200, 'GET', `/v1/data-centres/${code}`);
  }

  changeCapacity(code: string, capacity: Partial<PoolsView>): Promise<DataCentreView> {
    return this.expect(200, 'PATCH', `/v1/data-centres/${code}/capacity`, capacity);
  }

  /** Every item of a cursor-paginated list. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Page<T> = await this.expect(200, 'GET', `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }
}
