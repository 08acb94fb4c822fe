import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { PolicyRuleKind } from '#libs/policy/src/policy-rule.js';
import { assertParamsFitKind, assertParamsFitSomeKind } from '../policy-rule-params.js';
import { type PolicyRuleContent, PolicyRuleStore } from '../policy-rule.store.js';

export type PolicyRuleChanges = Partial<Omit<PolicyRuleContent, 'kind'>>;

export class ChangePolicyRuleCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: PolicyRuleChanges,
  ) {
    super();
  }
}

/** Requests already decided keep the version they were decided by; later ones use the new one. */
@CommandHandler(ChangePolicyRuleCommand)
export class ChangePolicyRuleHandler implements ICommandHandler<ChangePolicyRuleCommand> {
  constructor(private readonly store: PolicyRuleStore) {}

  async execute({ caller, id, changes }: ChangePolicyRuleCommand): Promise<void> {
    if (changes.params !== undefined) assertParamsFitSomeKind(changes.params);
    const current = await this.store.find(id);
    if (changes.params !== undefined) assertParamsFitKind(current.kind as PolicyRuleKind, changes.params);
    await this.store.change(current, changes, caller.keyId);
  }
}
