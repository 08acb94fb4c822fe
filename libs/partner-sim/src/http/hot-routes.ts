import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE } from '#libs/core/src/http/problem-details.js';
import type { SimOperation } from '../domain/operation.js';
import { SimulatedOutageError } from '../domain/partner-sim.errors.js';
import type { ResourceFilter } from '../domain/partner-sim.ports.js';
import { IDEMPOTENCY_KEY_PATTERN, RESOURCE_TYPES, type ResourceType } from '../domain/vocabulary.js';
import { GetOperationHandler } from '../operations/get-operation/get-operation.handler.js';
import { GetOperationQuery } from '../operations/get-operation/get-operation.query.js';
import { operationLocation, toOperationResponse } from '../operations/operation.response.js';
import { CreateResourceCommand } from '../resources/create-resource/create-resource.command.js';
import { CreateResourceHandler } from '../resources/create-resource/create-resource.handler.js';
import { DeleteResourceCommand } from '../resources/delete-resource/delete-resource.command.js';
import { DeleteResourceHandler } from '../resources/delete-resource/delete-resource.handler.js';
import { labelMapProblem } from '../resources/labels.validator.js';
import { ListResourcesHandler } from '../resources/list-resources/list-resources.handler.js';
import { ListResourcesQuery } from '../resources/list-resources/list-resources.query.js';
import type { ListResourcesRequest } from '../resources/list-resources/list-resources.request.js';
import { STATE_FILTERS } from '../resources/list-resources/list-resources.request.js';
import { PowerOnResourceCommand } from '../resources/power-on-resource/power-on-resource.command.js';
import { PowerOnResourceHandler } from '../resources/power-on-resource/power-on-resource.handler.js';
import { toResourceResponse } from '../resources/resource.response.js';
import { outageAnswer } from './simulated-outage.filter.js';

/**
 * Why: express, Nest's router, the validation pipe, helmet and the body parser cost more CPU
 * than the work of a partner call itself, and every provisioning step makes one. The partner
 * API's hot routes are served here, straight to the same use-case handlers, when the request is
 * plainly valid. Anything else (a body or query the validation pipe would refuse or transform,
 * conditional requests, every other route) goes to the Nest app, which then answers exactly as
 * it always did; errors of the use cases are rendered by the same problem filter. With CORS
 * configured every answer carries its headers, so then the Nest app answers everything.
 */
export function serveHotRoutesDirectly(app: NestExpressApplication, config: AppConfig): void {
  if (config.corsOrigins) return;
  const server = app.getHttpServer() as Server;
  const nest = app.getHttpAdapter().getInstance() as RequestListener;
  const handlers: HotRouteHandlers = {
    create: app.get(CreateResourceHandler),
    list: app.get(ListResourcesHandler),
    powerOn: app.get(PowerOnResourceHandler),
    delete: app.get(DeleteResourceHandler),
    getOperation: app.get(GetOperationHandler),
  };
  server.removeAllListeners('request');
  server.on('request', hotRouteListener(handlers, nest, bodyLimitBytes(config.httpBodyLimit)));
}

export interface HotRouteHandlers {
  create: Pick<CreateResourceHandler, 'execute'>;
  list: Pick<ListResourcesHandler, 'execute'>;
  powerOn: Pick<PowerOnResourceHandler, 'execute'>;
  delete: Pick<DeleteResourceHandler, 'execute'>;
  getOperation: Pick<GetOperationHandler, 'execute'>;
}

/** What a hot route answers with; undefined: the request goes to the Nest app after all. */
type Answer = { status: number; body: unknown; location?: string } | undefined;

interface Call {
  req: IncomingMessage;
  partner: string;
  id: string;
  query: string;
}

/** Only paths that need no decoding: any other spelling is the Nest router's to judge. */
const HOT_PATH = /^\/partners\/([a-z0-9][a-z0-9-]{0,39})\/(resources|operations)(?:\/([A-Za-z0-9][A-Za-z0-9._~-]*)(\/power-on)?)?$/;

/** The config's body limit in bytes, read as the body parser reads it (`100kb`: 1024-byte units); null: no body is read here. */
export function bodyLimitBytes(limit: string): number | null {
  const match = /^(\d+)(b|kb|mb)$/.exec(limit);
  if (!match) return null;
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2] as 'b' | 'kb' | 'mb'];
}

export function hotRouteListener(handlers: HotRouteHandlers, fallback: RequestListener, bodyLimit: number | null): RequestListener {
  /** The hot route the request is for, with its path's parts; null: the Nest app's to answer. */
  const routeOf = (req: IncomingMessage): { route: (call: Call) => Promise<Answer>; call: Call } | null => {
    const headers = req.headers;
    // Conditional requests may be answered 304 by express.
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return null;
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const match = HOT_PATH.exec(queryAt === -1 ? url : url.slice(0, queryAt));
    if (!match) return null;
    const [, partner, collection, id, powerOn] = match;
    const route = routeFor(req.method, collection, id, powerOn);
    if (!route || (route !== create && hasBody(req))) return null;
    return { route, call: { req, partner, id: id ?? '', query: queryAt === -1 ? '' : url.slice(queryAt + 1) } };
  };

  const routeFor = (method: string | undefined, collection: string, id: string | undefined, powerOn: string | undefined) => {
    if (collection === 'operations') return id !== undefined && powerOn === undefined && method === 'GET' ? getOperation : null;
    if (id === undefined) return method === 'POST' ? (bodyLimit === null ? null : create) : method === 'GET' ? list : null;
    if (powerOn !== undefined) return method === 'POST' ? startPowerOn : null;
    return method === 'DELETE' ? startDelete : null;
  };

  const getOperation = async ({ partner, id }: Call): Promise<Answer> => {
    const operation = await handlers.getOperation.execute(new GetOperationQuery(partner, id));
    return { status: HttpStatus.OK, body: toOperationResponse(operation) };
  };

  const list = async ({ partner, query }: Call): Promise<Answer> => {
    const filter = plainListFilter(query);
    if (!filter) return undefined;
    const resources = await handlers.list.execute(new ListResourcesQuery(partner, filter as ListResourcesRequest, 'partner-api'));
    return { status: HttpStatus.OK, body: { items: resources.map(toResourceResponse) } };
  };

  const startPowerOn = async ({ req, partner, id }: Call): Promise<Answer> => {
    const key = idempotencyKeyOf(req);
    return key === undefined ? undefined : started(await handlers.powerOn.execute(new PowerOnResourceCommand(partner, key, id)));
  };

  const startDelete = async ({ req, partner, id }: Call): Promise<Answer> => {
    const key = idempotencyKeyOf(req);
    return key === undefined ? undefined : started(await handlers.delete.execute(new DeleteResourceCommand(partner, key, id)));
  };

  const create = async ({ req, partner }: Call): Promise<Answer> => {
    const key = idempotencyKeyOf(req);
    const length = Number(req.headers['content-length']);
    if (key === undefined || !isPlainJson(req) || !(length > 0 && length <= (bodyLimit ?? 0))) return undefined;
    const raw = await readBody(req);
    const body = plainCreateBody(raw.toString('utf8'));
    if (!body) throw new ReplayToNest(raw);
    return started(await handlers.create.execute(new CreateResourceCommand(partner, key, body.type, body.spec, body.labels)));
  };

  return (req, res) => {
    const hot = routeOf(req);
    if (!hot) return fallback(req, res);
    hot.route(hot.call).then(
      (answer) => {
        if (answer === undefined) fallback(req, res);
        else send(res, answer.status, 'application/json', JSON.stringify(answer.body), answer.location === undefined ? undefined : { Location: answer.location });
      },
      (error: unknown) => {
        if (error instanceof ReplayToNest) fallback(withBody(req, error.body), res);
        else if (error instanceof BodyUnreadable) res.destroy();
        else sendProblem(req, res, error);
      },
    );
  };
}

const started = (operation: SimOperation): Answer => ({
  status: HttpStatus.ACCEPTED,
  body: toOperationResponse(operation),
  location: operationLocation(operation),
});

/** The body-parser's hasBody: what requireJsonMediaType and the parser look at. */
const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** JSON in UTF-8, not compressed, of a declared length: what the body parser takes without a second look. */
function isPlainJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return (
    type !== undefined &&
    /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i.test(type) &&
    req.headers['content-encoding'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  );
}

function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && IDEMPOTENCY_KEY_PATTERN.test(key) ? key : undefined;
}

/**
 * The create body when the validation pipe would take it as it is: an object of exactly these
 * fields (no NUL anywhere, no `__proto__` key for class-transformer to trip on); else undefined.
 */
function plainCreateBody(text: string): { type: ResourceType; spec: Record<string, unknown>; labels: Record<string, string> } | undefined {
  if (text[0] !== '{' || text.includes('\\u0000') || text.includes('__proto__')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((name) => name !== 'type' && name !== 'spec' && name !== 'labels')) return undefined;
  const { type, spec, labels } = fields;
  if (!RESOURCE_TYPES.includes(type as ResourceType)) return undefined;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || labelMapProblem(labels) !== null) return undefined;
  return { type: type as ResourceType, spec: spec as Record<string, unknown>, labels: labels as Record<string, string> };
}

const FILTER_RULES: Record<keyof ResourceFilter, (value: string) => boolean> = {
  request: (value) => value.length <= 256,
  tenant: (value) => value.length <= 256,
  type: (value) => RESOURCE_TYPES.includes(value as ResourceType),
  state: (value) => (STATE_FILTERS as readonly string[]).includes(value),
};

/** The listing's filter when each parameter is known, given once, valid and needs no decoding; else undefined. */
function plainListFilter(query: string): ResourceFilter | undefined {
  if (/[%[\]]/.test(query)) return undefined;
  const filter: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    if (!Object.hasOwn(FILTER_RULES, name) || Object.hasOwn(filter, name) || !FILTER_RULES[name as keyof ResourceFilter](value)) return undefined;
    filter[name] = value;
  }
  return filter;
}

/** The body was read here but is not plainly valid: Nest reads it again, for its own answer. */
class ReplayToNest extends Error {
  constructor(readonly body: Buffer) {
    super('replayed to Nest');
  }
}

/** The client went away mid-body: nobody is left to answer. */
class BodyUnreadable extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', () => reject(new BodyUnreadable()));
    req.on('aborted', () => reject(new BodyUnreadable()));
  });
}

/** A request like the one read, with its body to be read again. */
function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // Complete, as the original is: ending it then does not take the connection down with it.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/** helmet's headers, as its default middleware sets them on every answer of the Nest app. */
const SECURITY_HEADERS: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name] = value), removeHeader: () => undefined };
  helmet()({} as never, response as never, () => undefined);
  return headers;
})();

const problems = new ProblemDetailsFilter();

function sendProblem(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const outage = error instanceof SimulatedOutageError ? outageAnswer(error) : null;
  const problem = problems.toProblem(outage ? outage.exception : error);
  send(res, problem.status, PROBLEM_CONTENT_TYPE, JSON.stringify({ ...problem, instance: req.url }), outage?.headers);
}

/** As express's res.send writes it: charset, length and weak ETag included. */
function send(res: ServerResponse, status: number, type: string, text: string, extra?: Record<string, string>): void {
  const length = Buffer.byteLength(text);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': String(length),
    ETag: `W/"${length.toString(16)}-${createHash('sha1').update(text).digest('base64').slice(0, 27)}"`,
  });
  res.end(text);
}
