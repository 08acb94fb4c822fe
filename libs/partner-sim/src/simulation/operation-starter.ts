import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { drawLatency, type Outage, planOperation, type Random } from '../domain/call-plan.js';
import { requestFingerprint } from '../domain/fingerprint.js';
import { completeOperation, newOperationId, permanentErrorFor, type SimOperation } from '../domain/operation.js';
import {
  IdempotencyKeyReusedError,
  NotAVmError,
  ResourceNotActiveError,
  SimulatedOutageError,
} from '../domain/partner-sim.errors.js';
import { type LedgerTransaction, OperationLedger, type OperationRecord, RandomSource } from '../domain/partner-sim.ports.js';
import type { SimulationProfile } from '../domain/profile.js';
import { type NewResource, newResource, newResourceId, type SimResource, startDeleting } from '../domain/resource.js';
import type { OperationAction, OperationStatus, ResourceType } from '../domain/vocabulary.js';
import { PartnerGate } from './partner-gate.js';

/** What a mutating partner call asks for; also what its idempotency key is bound to. */
export type StartRequest =
  | { action: 'create'; type: ResourceType; spec: Record<string, unknown>; labels: Record<string, string> }
  | { action: 'delete'; resourceId: string }
  | { action: 'power-on'; resourceId: string };

type Started = { operation: SimOperation } | { outage: Outage };

/**
 * The path every mutating partner call takes: the partner's flakiness, then the idempotency key
 * (a replay answers with the operation it started; a different request with the key is refused),
 * then a new operation whose outcome (scheduled fault, failure rate) and duration are fixed now.
 */
@Injectable()
export class OperationStarter {
  constructor(
    private readonly gate: PartnerGate,
    private readonly ledger: OperationLedger,
    private readonly random: RandomSource,
  ) {}

  async start(partner: string, idempotencyKey: string, request: StartRequest): Promise<SimOperation> {
    const admission = await this.gate.admit(partner, request);
    const fingerprint = requestFingerprint(request);
    const call: Call = { partner, idempotencyKey, fingerprint, ...admission };
    const done = request.action === 'create' ? await this.createAtOnce(call, request) : request.action === 'power-on' ? await this.powerOnAtOnce(call, request) : null;
    if (done) return done;
    const started = await this.ledger.withIdempotencyKey(partner, idempotencyKey, async (tx): Promise<Started> => {
      const existing = await tx.operationByKey(partner, idempotencyKey);
      if (existing) {
        if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(idempotencyKey);
        await tx.settleResource(existing.resourceId);
        return { operation: await tx.operation(existing.id) };
      }
      const begin = { ...call, tx };
      return request.action === 'create' ? this.create(begin, request) : this.onExisting(begin, request);
    });
    // Thrown after the commit: a transient fault's consumption must stick though nothing else happened.
    if ('outage' in started) throw new SimulatedOutageError(partner, started.outage);
    return started.operation;
  }

  /**
   * The common create, a new key with no fault scheduled, in one statement; null when it is not
   * that (then the ledger said so without writing anything). Most partner calls are creates, and
   * the full way costs a transaction of several round trips.
   */
  private async createAtOnce(call: Call, request: Extract<StartRequest, { action: 'create' }>): Promise<SimOperation | null> {
    const plan = planOperation(call.profile, null, call.planDraws());
    if (plan.kind === 'outage') return null;
    return this.ledger.recordAtOnce(this.entryFor(call, this.newTarget(call.partner, request), plan.outcome, plan.latencyMs), null);
  }

  /**
   * The common power-on, of a VM just made (active, off, nothing running on it) under a new key
   * with no fault scheduled, in one statement; null when it is not that. Only the resource's
   * state and power are written, so those are all the target needs to know of it.
   */
  private async powerOnAtOnce(call: Call, request: Extract<StartRequest, { action: 'power-on' }>): Promise<SimOperation | null> {
    const plan = planOperation(call.profile, null, call.planDraws());
    if (plan.kind === 'outage') return null;
    const expected = { state: 'active', power: 'off' } as const;
    const resource: NewResource = { id: request.resourceId, partner: call.partner, type: 'vm', spec: {}, labels: {}, ...expected };
    const target: Target = { action: 'power-on', resource, isNew: false, createPending: false };
    return this.ledger.recordAtOnce(this.entryFor(call, target, plan.outcome, plan.latencyMs), expected);
  }

  private async create(begin: Begin, request: Extract<StartRequest, { action: 'create' }>): Promise<Started> {
    const { tx, partner } = begin;
    const plan = planOperation(begin.profile, await tx.takeFault(partner, 'create', request.type), begin.planDraws());
    if (plan.kind === 'outage') return { outage: plan.outage };
    return this.record(begin, this.newTarget(partner, request), plan.outcome, plan.latencyMs);
  }

  private newTarget(partner: string, request: Extract<StartRequest, { action: 'create' }>): Target {
    const resource = newResource(newResourceId(partner, request.type, this.random.uniqueId()), partner, request.type, request.spec, request.labels);
    return { action: 'create', resource, isNew: true, createPending: false };
  }

  private async onExisting(begin: Begin, request: Exclude<StartRequest, { action: 'create' }>): Promise<Started> {
    const { tx, partner } = begin;
    const resource = await tx.lockResource(partner, request.resourceId);
    if (!resource) throw new NotFoundError('resource', request.resourceId);
    // Its due operations are settled: still creating means its create is still running.
    const createPending = resource.state === 'creating';
    if (request.action === 'delete' && resource.state === 'deleted') {
      // Deleting what is gone already succeeds: a compensation run twice must not fail.
      const latencyMs = drawLatency(begin.profile, begin.planDraws());
      return this.record(begin, { action: 'delete', resource, isNew: false, createPending }, 'success', latencyMs);
    }
    if (request.action === 'power-on') assertCanPowerOn(resource);
    const plan = planOperation(begin.profile, await tx.takeFault(partner, request.action, resource.type), begin.planDraws());
    if (plan.kind === 'outage') return { outage: plan.outage };
    const started = request.action === 'delete' ? startDeleting(resource) : resource;
    return this.record(begin, { action: request.action, resource: started, isNew: false, createPending }, plan.outcome, plan.latencyMs);
  }

  private async record(begin: Begin, target: Target, outcome: 'success' | 'permanent-failure', latencyMs: number): Promise<Started> {
    return { operation: await begin.tx.record(this.entryFor(begin, target, outcome, latencyMs)) };
  }

  /** The operation to record; with no latency it finishes now, and the answer says how it went. */
  private entryFor(call: Call, target: Target, outcome: 'success' | 'permanent-failure', latencyMs: number): OperationRecord {
    const { partner } = call;
    const { action, resource } = target;
    const operation = {
      id: newOperationId(partner, this.random.uniqueId()),
      partner,
      action,
      resourceId: resource.id,
      resourceType: resource.type,
      idempotencyKey: call.idempotencyKey,
      fingerprint: call.fingerprint,
      plannedError: outcome === 'success' ? null : permanentErrorFor(action, resource.type, resource.id, partner),
    };
    const entry = (status: OperationStatus, value: NewResource | null): OperationRecord => ({
      operation,
      status,
      latencyMs,
      resource: value && { value, isNew: target.isNew },
    });
    if (latencyMs > 0) return entry('running', target.isNew || action === 'delete' ? resource : null);
    const done = completeOperation(operation, resource, { createPending: target.createPending });
    return entry(done.status, { ...resource, ...done.resource });
  }
}

interface Target {
  action: OperationAction;
  /** The resource as the operation starts on it: a new one `creating`, one being deleted `deleting`. */
  resource: NewResource;
  isNew: boolean;
  createPending: boolean;
}

/** A mutating call as it arrived: whose, under which key, the fingerprint of its request, the partner's profile and draws. */
interface Call {
  partner: string;
  idempotencyKey: string;
  fingerprint: string;
  profile: SimulationProfile;
  planDraws: () => Random;
}

interface Begin extends Call {
  tx: LedgerTransaction;
}

function assertCanPowerOn(resource: SimResource): void {
  if (resource.type !== 'vm') throw new NotAVmError(resource.id, resource.type);
  if (resource.state !== 'active') throw new ResourceNotActiveError(resource.id, resource.state);
}
