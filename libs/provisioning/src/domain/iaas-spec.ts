/** What an operator asks for, as validated by the API. */
export interface VmGroupSpec {
  /** Size code from the catalogue. */
  size: string;
  /** Image id from the catalogue. */
  image: string;
  count: number;
}

export interface HybridLinkSpec {
  onPremisesCidr: string;
  vpnGatewayAddress: string;
}

export interface IaasSpec {
  vms: VmGroupSpec[];
  /** Extra block storage beyond each VM's boot disk, GiB. */
  storageGib: number;
  networkCidr: string;
  hybridLink: HybridLinkSpec | null;
  /** `required` is absent on requests stored before it existed: a preference, then. */
  preference: { dataCentre: string | null; country: string | null; required?: boolean };
}

/** Capacity and quota a request consumes; held at submission, committed at ACTIVE. */
export interface Demand {
  vcpu: number;
  memoryGib: number;
  storageGib: number;
  publicIps: number;
  vms: number;
}

/** Each VM boots from a disk of this size, counted in storage demand. */
export const BOOT_DISK_GIB = 40;

export function demandOf(spec: IaasSpec, sizes: ReadonlyMap<string, { vcpu: number; memoryGib: number }>): Demand {
  let vcpu = 0;
  let memoryGib = 0;
  let vms = 0;
  for (const group of spec.vms) {
    const size = sizes.get(group.size);
    if (!size) throw new Error(`Unknown size '${group.size}': validate the spec before computing its demand.`);
    vcpu += size.vcpu * group.count;
    memoryGib += size.memoryGib * group.count;
    vms += group.count;
  }
  return {
    vcpu,
    memoryGib,
    storageGib: spec.storageGib + vms * BOOT_DISK_GIB,
    // One public address per network edge, one more for the VPN endpoint of a hybrid link.
    publicIps: spec.hybridLink ? 2 : 1,
    vms,
  };
}
