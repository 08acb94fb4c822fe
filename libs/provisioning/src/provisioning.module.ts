import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { approvalHandlers, approvalHttpControllers } from './approvals/approvals.use-cases.js';
import { provisioningAccessProviders } from './access/provisioning-access.providers.js';
import { deploymentHandlers, deploymentHttpControllers } from './deployments/deployments.use-cases.js';
import { provisioningEntities } from './persistence/provisioning.entities.js';
import { policyRuleHandlers, policyRuleHttpControllers, policyRuleProviders } from './policy-rules/policy-rules.use-cases.js';
import { requestHandlers, requestHttpControllers, requestProviders } from './requests/requests.use-cases.js';

/** The HTTP adapters of provisioning's use cases (requests, deployments); the API app registers them. */
export const provisioningHttpControllers = [...requestHttpControllers, ...deploymentHttpControllers, ...approvalHttpControllers, ...policyRuleHttpControllers];

/**
 * The API side of provisioning: submit, observe, cancel, decommission. Every change it makes is
 * written with its event and its outbox row; the worker's executor does the rest. Needs CqrsModule
 * and a database.
 */
@Module({
  imports: [TypeOrmModule.forFeature(provisioningEntities)],
  providers: [
    ...requestHandlers,
    ...requestProviders,
    ...deploymentHandlers,
    ...approvalHandlers,
    ...policyRuleHandlers,
    ...policyRuleProviders,
    ...provisioningAccessProviders,
  ],
  // The event stream is the one adapter that needs more than the buses.
  exports: [...requestProviders],
})
export class ProvisioningModule {}
