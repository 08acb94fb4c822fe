import { applyDecorators, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SimulatedOutageFilter } from './simulated-outage.filter.js';

/** Marks a controller of the partners' API: simulated outages are rendered as 503/429 there. */
export const PartnerApi = (tag: string): ClassDecorator => applyDecorators(ApiTags(tag), UseFilters(SimulatedOutageFilter));
