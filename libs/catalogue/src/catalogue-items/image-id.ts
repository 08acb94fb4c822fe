import { isUUID } from 'class-validator';

/**
 * Image ids are uuids; PostgreSQL refuses a malformed one with an error, so anything that is not
 * uuid-shaped is answered like an unknown id before it reaches SQL.
 */
export const isImageId = (id: string): boolean => isUUID(id, 'loose');
