import { PageQueryDto } from '#libs/core/src/http/pagination.js';

/** A page of a request's event log, oldest first; `cursor` is the previous page's `nextCursor`. */
export class ListRequestEventsRequest extends PageQueryDto {}
