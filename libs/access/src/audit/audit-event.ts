import type { Caller, Role } from '../domain/caller.js';
import { scopeId } from '../domain/caller.js';

export const AUDIT_OUTCOMES = ['succeeded', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One state-changing call: who, what, to what, and how it ended. The time is the log's. */
export interface AuditEvent {
  /** Null when the call was not authenticated (no key, a bad key, or refused before the check). */
  keyId: string | null;
  role: Role | null;
  /** `platform`, `partner:<code>` or `tenant:<id>`. */
  scope: string | null;
  /** The use case, e.g. `create-api-key`; `unknown-route` or `unrouted` when no route took the call. */
  action: string;
  method: string;
  /** The path called, or the created resource's Location for a 201. */
  target: string;
  status: number;
  outcome: AuditOutcome;
  /** The problem's detail when the call was refused or failed. */
  detail: string | null;
}

/** Append-only: the trail is written, never changed. */
export abstract class AuditLog {
  abstract record(event: AuditEvent): Promise<void>;
}

export const outcomeOf = (status: number): AuditOutcome => (status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'succeeded');

export const describeScope = (caller: Caller): string => {
  const id = scopeId(caller.scope);
  return id === null ? caller.scope.kind : `${caller.scope.kind}:${id}`;
};

/** `CreateApiKeyHttpController` → `create-api-key`: the use case's folder name. */
export const actionOfController = (controllerName: string): string =>
  controllerName
    .replace(/HttpController$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
