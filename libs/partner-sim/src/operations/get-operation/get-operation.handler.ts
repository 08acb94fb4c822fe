import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { SimOperation } from '../../domain/operation.js';
import { OperationLedger } from '../../domain/partner-sim.ports.js';
import { PartnerGate } from '../../simulation/partner-gate.js';
import { GetOperationQuery } from './get-operation.query.js';

@QueryHandler(GetOperationQuery)
export class GetOperationHandler implements IQueryHandler<GetOperationQuery> {
  constructor(
    private readonly gate: PartnerGate,
    private readonly ledger: OperationLedger,
  ) {}

  async execute({ partner, id }: GetOperationQuery): Promise<SimOperation> {
    await this.gate.admit(partner, { action: 'poll', operationId: id });
    // Polling at or after its time completes the operation (outcome decided when it started).
    const operation = await this.ledger.findOperation(partner, id);
    if (!operation) throw new NotFoundError('operation', id);
    return operation;
  }
}
