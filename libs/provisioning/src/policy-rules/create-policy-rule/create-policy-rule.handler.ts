import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { assertParamsFitKind } from '../policy-rule-params.js';
import { type PolicyRuleContent, PolicyRuleStore } from '../policy-rule.store.js';

export class CreatePolicyRuleCommand extends Command<string> {
  constructor(
    readonly caller: Caller,
    readonly content: PolicyRuleContent,
  ) {
    super();
  }
}

@CommandHandler(CreatePolicyRuleCommand)
export class CreatePolicyRuleHandler implements ICommandHandler<CreatePolicyRuleCommand> {
  constructor(private readonly store: PolicyRuleStore) {}

  async execute({ caller, content }: CreatePolicyRuleCommand): Promise<string> {
    assertParamsFitKind(content.kind, content.params);
    const id = randomUUID();
    await this.store.create(id, content, caller.keyId);
    return id;
  }
}
