import { ListAuditEventsHandler } from './list-audit-events/list-audit-events.handler.js';
import { ListAuditEventsHttpController } from './list-audit-events/list-audit-events.http-controller.js';

export const auditHandlers = [ListAuditEventsHandler];
export const auditHttpControllers = [ListAuditEventsHttpController];
