import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConcurrentUpdateError, DuplicateError, NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { PolicyRuleKind } from '#libs/policy/src/policy-rule.js';
import { PolicyRuleRow } from '../persistence/provisioning.entities.js';
import { isUuid } from '../requests/request-id.js';

export interface PolicyRuleContent {
  kind: PolicyRuleKind;
  name: string;
  description: string;
  enabled: boolean;
  params: Record<string, unknown>;
}

/**
 * The rules and their history. Every write adds the version it makes to the history in the same
 * transaction, so the version a decision names can always be read back. Changes are guarded by
 * the version read (compare-and-set): two operators editing at once cannot lose an edit silently.
 * Params are the handlers' to validate (policy-rule-params.ts) before they get here.
 */
@Injectable()
export class PolicyRuleStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<PolicyRuleRow> {
    const row = isUuid(id) ? await this.dataSource.getRepository(PolicyRuleRow).findOneBy({ id }) : null;
    if (!row) throw new NotFoundError('policy rule', id);
    return row;
  }

  async create(id: string, content: PolicyRuleContent, by: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO policy_rules (id, kind, name, description, enabled, params, version) VALUES ($1, $2, $3, $4, $5, $6, 1)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [id, content.kind, content.name, content.description, content.enabled, content.params],
      );
      if (inserted.length === 0) throw new DuplicateError('policy rule', 'name', content.name);
      await recordVersion(manager, id, by);
    });
  }

  async change(current: PolicyRuleRow, changes: Partial<Omit<PolicyRuleContent, 'kind'>>, by: string): Promise<void> {
    const next = { ...current, ...changes };
    await this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query(`SELECT 1 FROM policy_rules WHERE name = $1 AND id <> $2`, [next.name, current.id]);
      if (taken.length > 0) throw new DuplicateError('policy rule', 'name', next.name);
      const [, updated]: [unknown[], number] = await manager.query(
        `UPDATE policy_rules SET name = $3, description = $4, enabled = $5, params = $6, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2`,
        [current.id, current.version, next.name, next.description, next.enabled, next.params],
      );
      if (updated !== 1) throw new ConcurrentUpdateError('policy rule', current.id);
      await recordVersion(manager, current.id, by);
    });
  }
}

/** Copies the rule as it now stands into its history. */
async function recordVersion(manager: EntityManager, id: string, by: string): Promise<void> {
  await manager.query(
    `INSERT INTO policy_rule_versions (rule_id, version, kind, name, description, enabled, params, changed_by)
     SELECT id, version, kind, name, description, enabled, params, $2 FROM policy_rules WHERE id = $1`,
    [id, by],
  );
}
