import type { RegisterDataCentre } from '#libs/catalogue/src/domain/data-centre.js';
import type { Image, Size } from '#libs/catalogue/src/domain/image.js';
import type { Jurisdiction, Region } from '#libs/catalogue/src/domain/jurisdiction.js';
import type { Partner } from '#libs/catalogue/src/domain/partner.js';
import type { RegisterTenant, TenantQuotas } from '#libs/catalogue/src/domain/tenant.js';
import { uuidV5 } from './deterministic-id.js';

/**
 * The world of the news story the project started from (VMware's vCloud Hybrid Service): the provider owns its
 * sites in the US and the UK; China Telecom operates Beijing (and soon Shanghai) because
 * foreigners may not own data centres in China; SoftBank operates Tokyo and Osaka for data
 * locality. Tenants cover every segment and sector the article names.
 */
export interface DemoWorld {
  regions: Region[];
  jurisdictions: Jurisdiction[];
  partners: Partner[];
  dataCentres: DemoDataCentre[];
  tenants: RegisterTenant[];
  images: Image[];
  sizes: Size[];
}

export interface DemoDataCentre extends RegisterDataCentre {
  operatorCode: string;
}

/** Ids are derived from names, so every database seeded from this file agrees on them. */
export const demoTenantId = (name: string): string => uuidV5(`tenant/${name}`);
export const demoImageId = (name: string): string => uuidV5(`image/${name}`);

const QUOTAS = {
  large: { vcpu: 512, memoryGib: 2048, storageGib: 100_000, vms: 200 },
  medium: { vcpu: 128, memoryGib: 512, storageGib: 20_000, vms: 50 },
  government: { vcpu: 256, memoryGib: 1024, storageGib: 50_000, vms: 100 },
} satisfies Record<string, TenantQuotas>;

const tenant = (input: Omit<RegisterTenant, 'id'>): RegisterTenant => ({ id: demoTenantId(input.name), ...input });
const image = (input: Omit<Image, 'id'>): Image => ({ id: demoImageId(input.name), ...input });

export const DEMO_WORLD: DemoWorld = {
  regions: [
    { code: 'north-america', name: 'North America' },
    { code: 'europe', name: 'Europe' },
    { code: 'east-asia', name: 'East Asia' },
  ],
  jurisdictions: [
    {
      country: 'US',
      name: 'United States',
      regionCode: 'north-america',
      providerMayOwnDataCentres: true,
      ownershipRationale: 'The provider owns and operates its data centres in the United States.',
      defaultResidency: 'none',
    },
    {
      country: 'GB',
      name: 'United Kingdom',
      regionCode: 'europe',
      providerMayOwnDataCentres: true,
      ownershipRationale: 'The provider owns and operates its data centres in the United Kingdom.',
      defaultResidency: 'in-region',
    },
    {
      country: 'DE',
      name: 'Germany',
      regionCode: 'europe',
      providerMayOwnDataCentres: true,
      ownershipRationale: 'Foreign ownership of data centres is allowed in Germany.',
      defaultResidency: 'in-region',
    },
    {
      country: 'CN',
      name: 'China',
      regionCode: 'east-asia',
      providerMayOwnDataCentres: false,
      ownershipRationale:
        'Foreign companies may not own data centres in China; a licensed Chinese operator must run them.',
      defaultResidency: 'in-country',
    },
    {
      country: 'JP',
      name: 'Japan',
      regionCode: 'east-asia',
      providerMayOwnDataCentres: true,
      ownershipRationale:
        'Ownership is allowed, but customers demand data locality, privacy, security and sovereignty, ' +
        'so a Japanese partner operates the sites.',
      defaultResidency: 'in-country',
    },
  ],
  partners: [
    { code: 'provider', name: 'VMware vCloud Hybrid Service', kind: 'provider', country: null },
    { code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' },
    { code: 'softbank', name: 'SoftBank', kind: 'local-partner', country: 'JP' },
  ],
  dataCentres: [
    {
      code: 'us-east-1',
      name: 'US East (Sterling, Virginia)',
      country: 'US',
      operatorCode: 'provider',
      ownership: 'owned',
      services: ['iaas', 'draas', 'daas'],
      capacity: { vcpu: 4096, memoryGib: 16_384, storageGib: 1_000_000, publicIps: 2048 },
      status: 'active',
      availableFrom: null,
    },
    {
      code: 'us-west-1',
      name: 'US West (Santa Clara, California)',
      country: 'US',
      operatorCode: 'provider',
      ownership: 'owned',
      services: ['iaas', 'draas'],
      capacity: { vcpu: 2048, memoryGib: 8192, storageGib: 500_000, publicIps: 1024 },
      status: 'active',
      availableFrom: null,
    },
    {
      code: 'uk-south-1',
      name: 'UK South (Slough)',
      country: 'GB',
      operatorCode: 'provider',
      ownership: 'owned',
      services: ['iaas', 'draas', 'daas'],
      capacity: { vcpu: 2048, memoryGib: 8192, storageGib: 400_000, publicIps: 1024 },
      status: 'active',
      availableFrom: null,
    },
    {
      code: 'cn-beijing-1',
      name: 'Beijing (China Telecom)',
      country: 'CN',
      operatorCode: 'china-telecom',
      ownership: 'partner-operated',
      // IaaS first; the article names DRaaS and DaaS as later additions.
      services: ['iaas'],
      capacity: { vcpu: 8192, memoryGib: 32_768, storageGib: 2_000_000, publicIps: 4096 },
      status: 'active',
      availableFrom: null,
    },
    {
      code: 'cn-shanghai-1',
      name: 'Shanghai (China Telecom)',
      country: 'CN',
      operatorCode: 'china-telecom',
      ownership: 'partner-operated',
      services: ['iaas'],
      capacity: { vcpu: 1024, memoryGib: 4096, storageGib: 200_000, publicIps: 512 },
      status: 'planned',
      availableFrom: '2027-04-01',
    },
    {
      code: 'jp-tokyo-1',
      name: 'Tokyo (SoftBank)',
      country: 'JP',
      operatorCode: 'softbank',
      ownership: 'partner-operated',
      services: ['iaas'],
      capacity: { vcpu: 3072, memoryGib: 12_288, storageGib: 600_000, publicIps: 1536 },
      status: 'active',
      availableFrom: null,
    },
    {
      code: 'jp-osaka-1',
      name: 'Osaka (SoftBank)',
      country: 'JP',
      operatorCode: 'softbank',
      ownership: 'partner-operated',
      services: ['iaas'],
      capacity: { vcpu: 1536, memoryGib: 6144, storageGib: 300_000, publicIps: 768 },
      status: 'active',
      availableFrom: null,
    },
  ],
  tenants: [
    // China: the customers China Telecom's sales force targets.
    tenant({ name: 'Beijing Commercial Bank', homeCountry: 'CN', segment: 'enterprise-large', sector: 'financial', quotas: QUOTAS.large }),
    tenant({ name: 'Hebei Provincial Education Bureau', homeCountry: 'CN', segment: 'government', sector: 'education', quotas: QUOTAS.government }),
    tenant({ name: 'North China Power Distribution', homeCountry: 'CN', segment: 'enterprise-large', sector: 'energy', quotas: QUOTAS.large }),
    tenant({ name: 'Hangzhou Precision Manufacturing', homeCountry: 'CN', segment: 'enterprise-medium', sector: 'other', quotas: QUOTAS.medium }),
    // Japan.
    tenant({ name: 'Sakura Mutual Insurance', homeCountry: 'JP', segment: 'enterprise-large', sector: 'insurance', quotas: QUOTAS.large }),
    tenant({ name: 'Kansai Railway Company', homeCountry: 'JP', segment: 'enterprise-large', sector: 'transportation', quotas: QUOTAS.large }),
    tenant({ name: 'Tokyo Dental Clinics Group', homeCountry: 'JP', segment: 'enterprise-medium', sector: 'healthcare', quotas: QUOTAS.medium }),
    // United Kingdom: patient data stays in the country, stricter than the UK default.
    tenant({ name: 'Northfield NHS Foundation Trust', homeCountry: 'GB', segment: 'government', sector: 'healthcare', residency: 'in-country', quotas: QUOTAS.government }),
    tenant({ name: 'Thames Valley Building Society', homeCountry: 'GB', segment: 'enterprise-medium', sector: 'financial', quotas: QUOTAS.medium }),
    tenant({ name: 'Pennine College Group', homeCountry: 'GB', segment: 'enterprise-medium', sector: 'education', quotas: QUOTAS.medium }),
    // United States.
    tenant({ name: 'Cascade Energy Corporation', homeCountry: 'US', segment: 'enterprise-large', sector: 'energy', quotas: QUOTAS.large }),
    tenant({ name: 'Midwest Mutual Insurance', homeCountry: 'US', segment: 'enterprise-medium', sector: 'insurance', quotas: QUOTAS.medium }),
    tenant({ name: 'State Department of Transportation', homeCountry: 'US', segment: 'government', sector: 'transportation', residency: 'in-country', quotas: QUOTAS.government }),
  ],
  images: [
    // Excluded from Chinese government purchases (the article): policy will use vendor and version.
    image({ name: 'Windows 8.1 Enterprise', osFamily: 'windows', vendor: 'Microsoft', version: '8.1' }),
    image({ name: 'Windows Server 2012 R2', osFamily: 'windows', vendor: 'Microsoft', version: '2012 R2' }),
    image({ name: 'Red Hat Enterprise Linux 7', osFamily: 'linux', vendor: 'Red Hat', version: '7.0' }),
    image({ name: 'Ubuntu Server 14.04 LTS', osFamily: 'linux', vendor: 'Canonical', version: '14.04' }),
    image({ name: 'CentOS 6', osFamily: 'linux', vendor: 'CentOS Project', version: '6.5' }),
    // The domestic alternative Chinese authorities push for.
    image({ name: 'NeoKylin Server 6', osFamily: 'linux', vendor: 'China Standard Software (CS2C)', version: '6.0' }),
  ],
  sizes: [
    { code: 'm1.small', name: 'Small (1 vCPU, 2 GiB)', vcpu: 1, memoryGib: 2 },
    { code: 'm1.medium', name: 'Medium (2 vCPU, 4 GiB)', vcpu: 2, memoryGib: 4 },
    { code: 'm1.large', name: 'Large (4 vCPU, 8 GiB)', vcpu: 4, memoryGib: 8 },
    { code: 'm1.xlarge', name: 'Extra large (8 vCPU, 16 GiB)', vcpu: 8, memoryGib: 16 },
    { code: 'm1.2xlarge', name: 'Double extra large (16 vCPU, 32 GiB)', vcpu: 16, memoryGib: 32 },
  ],
};
