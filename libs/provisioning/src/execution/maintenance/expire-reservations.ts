import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { lockAwaitingApproval, NotAwaitingApprovalError } from '../../approvals/approval-decision.js';
import { rejectAwaiting } from '../../approvals/reject-awaiting.js';
import type { RequestStatus } from '../../domain/request-status.js';
import { recordChange } from '../../persistence/request-journal.js';

/** How many requests one pass handles of each kind; the next pass takes the rest. */
const BATCH = 200;

export interface ExpiryPass {
  /** Requests rejected because nobody decided their approval in time. */
  approvalsTimedOut: string[];
  /** Requests rolled back because their held capacity stopped moving. */
  holdsExpired: string[];
}

/**
 * The periodic clean-up of held capacity. A request awaiting approval past its deadline is
 * rejected ("approval timed out") and its hold released. A request still provisioning whose hold
 * has not moved for the TTL (its worker gone, or stuck) is rolled back: the rollback undoes what
 * the partner made and then releases the hold, so capacity is never freed under live resources.
 * Each request is its own transaction, guarded by status and version: an operator's approval or
 * a worker's progress at the same moment wins, and the pass leaves that request alone.
 */
@Injectable()
export class ExpireReservations {
  private readonly logger = new Logger('ExpireReservations');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async execute(): Promise<ExpiryPass> {
    const approvalsTimedOut = await this.timeOutApprovals();
    const holdsExpired = await this.expireStalledHolds();
    if (approvalsTimedOut.length + holdsExpired.length > 0) {
      this.logger.log(`Approvals timed out: ${approvalsTimedOut.length}; stalled holds rolled back: ${holdsExpired.length}.`);
    }
    return { approvalsTimedOut, holdsExpired };
  }

  private async timeOutApprovals(): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM provisioning_requests WHERE status = 'AWAITING_APPROVAL' AND approval_deadline <= now() ORDER BY approval_deadline LIMIT $1`,
      [BATCH],
    );
    const done: string[] = [];
    for (const { id } of due) {
      const timedOut = await this.guarded(() =>
        this.dataSource.transaction(async (manager) => {
          const request = await lockAwaitingApproval(manager, id);
          const waited = Math.round(this.config.reservations.approvalTimeoutMs / 1000);
          await rejectAwaiting(manager, request, { decision: 'timed out', by: 'system', reason: `approval timed out: nobody decided within ${waited} s`, at: new Date().toISOString() });
        }),
      );
      if (timedOut) done.push(id);
    }
    return done;
  }

  private async expireStalledHolds(): Promise<string[]> {
    const ttlMs = this.config.reservations.holdTtlMs;
    const stalled: { id: string; status: RequestStatus; version: number }[] = await this.dataSource.query(
      `SELECT r.id, r.status, r.version FROM capacity_reservations c JOIN provisioning_requests r ON r.id = c.request_id
       WHERE c.status = 'held' AND r.status = 'PROVISIONING' AND r.updated_at < now() - ($1 || ' milliseconds')::interval
       ORDER BY r.updated_at LIMIT $2`,
      [String(ttlMs), BATCH],
    );
    const done: string[] = [];
    for (const request of stalled) {
      const expired = await this.guarded(() =>
        this.dataSource.transaction(async (manager) => {
          const reason = `The capacity held for it expired: the request made no progress for ${Math.round(ttlMs / 1000)} s.`;
          await recordChange(manager, request, {
            columns: { status: 'ROLLING_BACK' },
            events: [
              { type: 'reservation-expired', data: { ttlMs } },
              { type: 'rollback-started', data: { reason } },
            ],
            next: { delayMs: 0 },
          });
        }),
      );
      if (expired) done.push(request.id);
    }
    return done;
  }

  /** False when the request moved on meanwhile (approved, progressed, cancelled): nothing to do. */
  private async guarded(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof ConcurrentUpdateError || error instanceof NotAwaitingApprovalError) return false;
      throw error;
    }
  }
}
