import { ApiProperty } from '@nestjs/swagger';
import type { RequestEventRow } from '../../persistence/provisioning.entities.js';

export class RequestEventResponse {
  @ApiProperty({ example: '42', description: 'Grows with every event of every request; the cursor and the SSE `id`.' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ example: 'placed' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export const toRequestEventResponse = (row: Pick<RequestEventRow, 'id' | 'at' | 'type' | 'data'>): RequestEventResponse => ({
  id: String(row.id),
  at: row.at.toISOString(),
  type: row.type,
  data: row.data,
});

/** Event ids are bigserial values: digits only, as PostgreSQL prints them. */
export const isEventId = (id: string): boolean => /^(0|[1-9][0-9]{0,17})$/.test(id);
