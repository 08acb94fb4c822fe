import type { OsFamily } from './vocabulary.js';

/** An OS template tenants' VMs boot from. Vendor and family feed procurement rules later. */
export interface Image {
  id: string;
  name: string;
  osFamily: OsFamily;
  vendor: string;
  version: string;
}

/** A vCPU/memory preset for VMs. */
export interface Size {
  code: string;
  name: string;
  vcpu: number;
  memoryGib: number;
}
