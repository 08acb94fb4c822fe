import { ChangeTenantQuotasHandler } from './change-tenant-quotas/change-tenant-quotas.handler.js';
import { ChangeTenantQuotasHttpController } from './change-tenant-quotas/change-tenant-quotas.http-controller.js';
import { GetTenantHandler } from './get-tenant/get-tenant.handler.js';
import { GetTenantHttpController } from './get-tenant/get-tenant.http-controller.js';
import { ListTenantsHandler } from './list-tenants/list-tenants.handler.js';
import { ListTenantsHttpController } from './list-tenants/list-tenants.http-controller.js';
import { RegisterTenantHandler } from './register-tenant/register-tenant.handler.js';
import { RegisterTenantHttpController } from './register-tenant/register-tenant.http-controller.js';
import { ResumeTenantHandler } from './resume-tenant/resume-tenant.handler.js';
import { ResumeTenantHttpController } from './resume-tenant/resume-tenant.http-controller.js';
import { SuspendTenantHandler } from './suspend-tenant/suspend-tenant.handler.js';
import { SuspendTenantHttpController } from './suspend-tenant/suspend-tenant.http-controller.js';

// Handlers and HTTP adapters of this area's use cases, registered by CatalogueModule and the API app.
export const tenantHandlers = [
  RegisterTenantHandler,
  ListTenantsHandler,
  GetTenantHandler,
  SuspendTenantHandler,
  ResumeTenantHandler,
  ChangeTenantQuotasHandler,
];
export const tenantHttpControllers = [
  RegisterTenantHttpController,
  ListTenantsHttpController,
  GetTenantHttpController,
  SuspendTenantHttpController,
  ResumeTenantHttpController,
  ChangeTenantQuotasHttpController,
];
