import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import type { Fault } from '../../domain/fault.js';
import { FaultRepository } from '../../domain/partner-sim.ports.js';
import { AddFaultCommand } from './add-fault.command.js';

@CommandHandler(AddFaultCommand)
export class AddFaultHandler implements ICommandHandler<AddFaultCommand> {
  constructor(private readonly faults: FaultRepository) {}

  execute({ fault }: AddFaultCommand): Promise<Fault> {
    if (fault.kind === 'permanent' && (fault.httpStatus !== null || fault.retryAfterSeconds !== null)) {
      throw new RuleViolationError(
        'outage-fields-need-transient-fault',
        'httpStatus and retryAfterSeconds describe an outage: give them with kind transient only.',
      );
    }
    if (fault.action === 'power-on' && fault.resourceType !== null && fault.resourceType !== 'vm') {
      throw new RuleViolationError('power-on-is-for-vms', 'Only a vm is ever powered on: give resourceType vm, or none.');
    }
    return this.faults.add(fault);
  }
}
