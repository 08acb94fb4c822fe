import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { PartnerBackend, type PartnerOperation, type ResourceLabels } from '#libs/partner-client/src/partner-backend.js';
import { operationFailure, PermanentPartnerError, TransientPartnerError } from '#libs/partner-client/src/partner-errors.js';
import type { IaasStepName } from '../../domain/iaas-steps.js';
import type { ExecutionItem, RequestSnapshot } from './request-snapshot.js';
import { createCallFor, deleteKeyFor, tenantOrgKey } from './step-plans.js';

/** What went wrong with one item in this job; none when it moved on (or simply is still running). */
export type Trouble = { kind: 'transient'; message: string; retryAfterMs: number | null } | { kind: 'permanent'; message: string };

export interface ItemOutcome {
  item: ExecutionItem;
  trouble: Trouble | null;
}

interface Context {
  request: RequestSnapshot;
  step: IaasStepName;
  now: Date;
}

/**
 * One item's next move against the partner, forward (create, power on) or backward (delete). Each
 * call is one partner request at most per item and job; nothing here waits for an operation.
 */
@Injectable()
export class ItemWork {
  constructor(
    private readonly partner: PartnerBackend,
    private readonly config: AppConfig,
  ) {}

  /** Forward: start the item's operation, or read how it is doing. */
  async forward(context: Context, item: ExecutionItem): Promise<ItemOutcome> {
    if (item.status !== 'pending' && item.status !== 'running') return { item, trouble: null };
    // A start the partner refused made nothing: the item failed. A poll it refused tells nothing new.
    const refused = (message: string): ExecutionItem => ({ ...item, status: item.status === 'pending' ? 'failed' : item.status, error: message });
    return this.guarded(item, refused, async () => {
      if (item.status === 'running') return this.fromOperation(context, item, await this.partner.getOperation(context.request.partner, item.operationId!));
      if (context.step === 'ensure-tenant-org') return this.ensureOrg(context, item);
      return this.fromOperation(context, item, await this.start(context, item));
    });
  }

  /**
   * Backward: make sure the item leaves nothing at the partner. A create that may have been sent
   * but was never recorded is sent again with its key: the partner answers with the first
   * operation (or makes it now), so its resource is known, and deleted.
   */
  async backward(context: Context, item: ExecutionItem): Promise<ItemOutcome> {
    if (item.leftover || item.status === 'deleted' || item.status === 'failed') return { item, trouble: null };
    const { partner } = context.request;
    const refused = (message: string): ExecutionItem =>
      // Never recorded and refused outright: nothing was made. Anything else is left behind.
      item.status === 'pending' ? { ...item, status: 'failed', error: message } : { ...item, leftover: true, error: message };
    return this.guarded(item, refused, async () => {
      if (item.status === 'deleting') return this.fromDeletion(context, item, await this.partner.getOperation(partner, item.operationId!));
      let resourceId = item.resourceId;
      if (item.status === 'pending') {
        const create = await this.start(context, item);
        if (create.status === 'failed') return { item: { ...item, status: 'failed', operationId: create.id, resourceId: null }, trouble: null };
        resourceId = create.resourceId;
      }
      const deleteKey = item.deleteKey ?? deleteKeyFor(context.request, context.step, item);
      try {
        const deletion = await this.partner.startDelete(partner, resourceId!, deleteKey);
        return this.fromDeletion(context, { ...item, resourceId, deleteKey, operationStartedAt: context.now.toISOString() }, deletion);
      } catch (error) {
        // The partner does not know it: nothing to delete.
        if (error instanceof PermanentPartnerError && error.status === 404) return { item: { ...item, resourceId, status: 'deleted' }, trouble: null };
        throw error;
      }
    });
  }

  private start(context: Context, item: ExecutionItem): Promise<PartnerOperation> {
    const { request, step } = context;
    if (step === 'power-on') return this.partner.startPowerOn(request.partner, item.resourceId!, item.idempotencyKey);
    const call = createCallFor(request, step, item);
    // The org is the tenant's and carries no request label (see createCallFor); the port's type wants one.
    return this.partner.startCreate(request.partner, call.type, call.spec, call.labels as ResourceLabels, item.idempotencyKey);
  }

  /**
   * The tenant's org at this partner: an active one is reused. Otherwise it is created under a key
   * of the tenant's, so requests that ask at the same time share one create. A create that failed
   * leaves a deleted org behind; the count of those makes the next key, so one failure does not
   * answer every later request of the tenant with the same failed operation.
   */
  private async ensureOrg(context: Context, item: ExecutionItem): Promise<ItemOutcome> {
    const { request } = context;
    const orgs = await this.partner.listResources(request.partner, { tenant: request.tenantId, type: 'org', state: 'all' });
    const active = orgs.find((org) => org.state === 'active');
    if (active) return { item: { ...item, status: 'succeeded', resourceId: active.id, error: null }, trouble: null };
    const failedBefore = orgs.filter((org) => org.state === 'deleted').length;
    const keyed = { ...item, idempotencyKey: `${tenantOrgKey(request.partner, request.tenantId)}:${failedBefore}` };
    return this.fromOperation(context, keyed, await this.start(context, keyed));
  }

  private fromOperation(context: Context, item: ExecutionItem, operation: PartnerOperation): ItemOutcome {
    // Power-on's item is the VM: its resource is the VM, not anything the operation made.
    const resourceId = context.step === 'power-on' ? item.resourceId : operation.resourceId;
    const since = item.status === 'running' && item.operationStartedAt ? item.operationStartedAt : context.now.toISOString();
    const next: ExecutionItem = { ...item, operationId: operation.id, resourceId, operationStartedAt: since };
    if (operation.status === 'succeeded') return { item: { ...next, status: 'succeeded', error: null }, trouble: null };
    if (operation.status === 'running') return this.unlessTimedOut({ ...next, status: 'running' }, context.now);
    const failure = operationFailure(operation)!;
    if (failure.permanent) return { item: { ...next, status: 'failed', error: failure.message }, trouble: { kind: 'permanent', message: failure.message } };
    // Failed, but another try may work: that is a new request, so it needs a new key.
    return {
      item: { ...next, status: 'pending', operationId: null, idempotencyKey: renewedKey(item.idempotencyKey), error: failure.message },
      trouble: { kind: 'transient', message: failure.message, retryAfterMs: null },
    };
  }

  private fromDeletion(context: Context, item: ExecutionItem, operation: PartnerOperation): ItemOutcome {
    const next: ExecutionItem = { ...item, operationId: operation.id, status: 'deleting' };
    if (operation.status === 'succeeded') return { item: { ...next, status: 'deleted', error: null }, trouble: null };
    if (operation.status === 'running') return this.unlessTimedOut(next, context.now);
    const failure = operationFailure(operation)!;
    // A failed delete leaves the resource as it was: try it again later with a fresh key, or give up.
    const retry: ExecutionItem = { ...next, status: 'succeeded', operationId: null, error: failure.message };
    return failure.permanent
      ? { item: { ...retry, leftover: true }, trouble: { kind: 'permanent', message: failure.message } }
      : { item: { ...retry, deleteKey: renewedKey(item.deleteKey!) }, trouble: { kind: 'transient', message: failure.message, retryAfterMs: null } };
  }

  private unlessTimedOut(item: ExecutionItem, now: Date): ItemOutcome {
    const age = now.getTime() - Date.parse(item.operationStartedAt ?? now.toISOString());
    if (age <= this.config.steps.timeoutMs) return { item, trouble: null };
    const message = `The partner operation ${item.operationId} was still running after ${Math.round(age / 1000)} s.`;
    return { item: { ...item, error: message }, trouble: { kind: 'permanent', message } };
  }

  /** Partner errors become troubles; anything else is a bug or an outage of our own, for BullMQ to retry. */
  private async guarded(item: ExecutionItem, refused: (message: string) => ExecutionItem, work: () => Promise<ItemOutcome>): Promise<ItemOutcome> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TransientPartnerError) return { item, trouble: { kind: 'transient', message: error.message, retryAfterMs: error.retryAfterMs } };
      if (error instanceof PermanentPartnerError) return { item: refused(error.message), trouble: { kind: 'permanent', message: error.message } };
      throw error;
    }
  }
}

/** `key` → `key#2` → `key#3`: the same item, asked again as a new request. */
export function renewedKey(key: string): string {
  const match = /^(.*)#(\d+)$/.exec(key);
  return match ? `${match[1]}#${Number(match[2]) + 1}` : `${key}#2`;
}
