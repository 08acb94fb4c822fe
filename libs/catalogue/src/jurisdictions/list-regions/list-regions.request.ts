import { PageQueryDto } from '#libs/core/src/http/pagination.js';

/** Regions are few; the list has no filters, only pages. */
export class ListRegionsRequest extends PageQueryDto {}
