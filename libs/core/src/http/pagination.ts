import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestValidationException } from './validation.js';

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ type: String, maxLength: 200, description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

const DEFAULT_LIMIT = 20;

export const encodeCursor = (lastKey: string): string => Buffer.from(JSON.stringify({ after: lastKey })).toString('base64url');

export function decodeCursor(cursor: string, isValidKey: (key: string) => boolean = () => true): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = (decoded as { after?: unknown }).after;
    if (typeof after === 'string' && isValidKey(after)) return after;
  } catch {
    // fall through: any undecodable cursor gets the same answer
  }
  throw new RequestValidationException([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
}

/**
 * Keyset pagination on a unique, ordered key column: stable under inserts, no OFFSET scans.
 * `keyColumn` is the SQL expression (`alias.column`); `keyOf` reads the same key off a row;
 * `isValidKey` keeps a forged cursor from reaching SQL with a value of the wrong type.
 */
export async function paginate<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  keyColumn: string,
  keyOf: (row: Row) => string,
  page: PageQueryDto,
  isValidKey?: (key: string) => boolean,
): Promise<Page<Row>> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  if (page.cursor !== undefined) {
    query.andWhere(`${keyColumn} > :after`, { after: decodeCursor(page.cursor, isValidKey) });
  }
  const rows = await query.orderBy(keyColumn, 'ASC').take(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { items, nextCursor: hasMore ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
