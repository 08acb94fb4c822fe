import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import type { IdempotencyClaim } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';

/** Answers with the response to send (and to replay for the same idempotency key). */
export class SubmitProvisioningRequestCommand extends Command<StoredResponse> {
  constructor(
    readonly caller: Caller,
    readonly tenantId: string,
    readonly service: 'iaas',
    readonly spec: IaasSpec,
    readonly idempotency: IdempotencyClaim | null,
  ) {
    super();
  }
}
