import { PageQueryDto } from '#libs/core/src/http/pagination.js';

/** Sizes are few and have no filters yet; the class keeps the list's query type its own. */
export class ListSizesRequest extends PageQueryDto {}
