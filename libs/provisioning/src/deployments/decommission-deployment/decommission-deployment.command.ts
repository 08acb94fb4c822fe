import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { IdempotencyClaim } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';

/** Answers with the response to send (and to replay for the same idempotency key). */
export class DecommissionDeploymentCommand extends Command<StoredResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
    readonly idempotency: IdempotencyClaim | null,
  ) {
    super();
  }
}
