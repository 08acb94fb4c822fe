/**
 * A WHERE fragment with its named parameters, in TypeORM's `:name` syntax, ready for
 * `query.andWhere(condition.sql, condition.params)`. Parameter names are prefixed so they cannot
 * collide with a list's own filters.
 */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export const EVERY_ROW: SqlCondition = { sql: 'TRUE', params: {} };
export const NO_ROW: SqlCondition = { sql: 'FALSE', params: {} };

export const andWhere = <Q extends { andWhere(sql: string, params: Record<string, unknown>): Q }>(
  query: Q,
  condition: SqlCondition,
): Q => query.andWhere(condition.sql, condition.params);
