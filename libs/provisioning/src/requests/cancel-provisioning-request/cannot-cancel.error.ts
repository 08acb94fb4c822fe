import { DomainError } from '#libs/core/src/domain/domain-error.js';
import type { RequestStatus } from '../../domain/request-status.js';

/** A 409 that says what to do instead of cancelling. */
export class CannotCancelError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'cannot-cancel';

  static afterActive(id: string, status: RequestStatus, deploymentId: string | null): CannotCancelError {
    const decommission = `/v1/deployments/${deploymentId ?? '{deploymentId}'}/decommission`;
    const hint =
      status === 'ACTIVE'
        ? `it is ACTIVE, so its resources exist: decommission its deployment instead, POST ${decommission}.`
        : `it is already being decommissioned (POST ${decommission}).`;
    return new CannotCancelError(id, status, hint, { deployment: deploymentId, decommission });
  }

  static finishedOrRollingBack(id: string, status: RequestStatus, final: boolean): CannotCancelError {
    const hint = final ? `it is ${status}: there is nothing left to stop.` : `it is already ${status} after a failure.`;
    return new CannotCancelError(id, status, hint, {});
  }

  private constructor(id: string, status: RequestStatus, hint: string, links: Record<string, unknown>) {
    super(`Provisioning request '${id}' cannot be cancelled: ${hint}`, { requestId: id, status, ...links });
  }
}
