import type { DemoTenant } from '../client/demo-directory.js';

export interface VmGroup {
  size: string;
  /** An image id (ScenarioContext.image finds one by name). */
  image: string;
  count: number;
}

export interface IaasSpec {
  vms: VmGroup[];
  storageGib?: number;
  networkCidr?: string;
  hybridLink?: { onPremisesCidr: string; vpnGatewayAddress: string };
  preference?: { dataCentre?: string; country?: string; required?: boolean };
}

/** The body of `POST /v1/provisioning-requests` for IaaS, with a modest default network and storage. */
export const iaasRequest = (tenant: DemoTenant, spec: IaasSpec): Record<string, unknown> => ({
  tenant: tenant.id,
  service: 'iaas',
  spec: { storageGib: 100, networkCidr: '10.20.0.0/16', ...spec },
});
