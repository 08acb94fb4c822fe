export const MAINTENANCE_QUEUE = 'maintenance';
export const EXPIRE_RESERVATIONS_JOB = 'expire-reservations';
