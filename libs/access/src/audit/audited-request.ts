import type { Request } from 'express';
import type { Caller } from '../domain/caller.js';

/** What the guards leave on the request for the audit trail to read when the response is sent. */
export type AuditedRequest = Request & { caller?: Caller; auditAction?: string };
