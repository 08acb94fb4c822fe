import type { Caller } from '#libs/access/src/domain/caller.js';
import { EVERY_ROW, type SqlCondition } from '#libs/catalogue/src/access/sql-condition.js';

/**
 * Which requests and deployments a caller may see, as a condition over a row aliased `alias` of
 * either table (both carry `tenant_id` and `data_centre_code`). Lists add it to their query and
 * visibility checks ask whether the named row passes it, so a list and a read always agree.
 * Platform: all; tenant: its own; partner operator: those placed in the data centres its partner
 * operates (a request rejected before placement is in none).
 */
export function placedWorkScope(caller: Caller, alias: string): SqlCondition {
  switch (caller.scope.kind) {
    case 'platform':
      return EVERY_ROW;
    case 'tenant':
      return { sql: `${alias}.tenant_id = :scopeTenant`, params: { scopeTenant: caller.scope.tenantId } };
    case 'partner':
      return {
        sql: `${alias}.data_centre_code IN (SELECT scope_dc.code FROM data_centres scope_dc WHERE scope_dc.operator_code = :scopePartner)`,
        params: { scopePartner: caller.scope.partnerCode },
      };
  }
}
