import { GetPartnerHandler } from './get-partner/get-partner.handler.js';
import { GetPartnerHttpController } from './get-partner/get-partner.http-controller.js';
import { ListPartnersHandler } from './list-partners/list-partners.handler.js';
import { ListPartnersHttpController } from './list-partners/list-partners.http-controller.js';
import { RegisterPartnerHandler } from './register-partner/register-partner.handler.js';
import { RegisterPartnerHttpController } from './register-partner/register-partner.http-controller.js';

export const partnerHandlers = [RegisterPartnerHandler, ListPartnersHandler, GetPartnerHandler];
export const partnerHttpControllers = [RegisterPartnerHttpController, ListPartnersHttpController, GetPartnerHttpController];
