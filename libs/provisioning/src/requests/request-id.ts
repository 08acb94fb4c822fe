import { randomBytes } from 'node:crypto';
import { isUUID } from 'class-validator';

/**
 * Request ids are time-ordered uuids (version 7: milliseconds since the epoch, then random bits),
 * so keyset pages over the id list requests oldest first, and index inserts stay at the end.
 */
export function newRequestId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Anything not uuid-shaped names no request (PostgreSQL would refuse it with an error). */
export const isUuid = (id: string): boolean => isUUID(id, 'loose');
