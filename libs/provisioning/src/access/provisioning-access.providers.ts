import { DeploymentVisibility, ProvisioningRequestVisibility } from './placed-work.visibility.js';

// Registered by ProvisioningModule: the authorization guard finds the visibility checks that the
// controllers' @Access rules name through ModuleRef.
export const provisioningAccessProviders = [ProvisioningRequestVisibility, DeploymentVisibility];
