/**
 * One valid request per POST/PATCH route. The bad-input suite derives its cases from these and
 * the OpenAPI document, and fails when a route has no entry here: no route escapes it. The
 * route-isolation suite sends them to check who may call what.
 * `null` marks a route without a body. Routes that create are sent once, in this order, to fill
 * the database before the cases run, which also proves each entry valid.
 */
export const VALID_REQUESTS: Record<string, { body: Record<string, unknown> | null; arrange?: string }> = {
  'POST /v1/regions': { body: { code: 'east-asia', name: 'East Asia' }, arrange: '/v1/regions' },
  'POST /v1/jurisdictions': {
    body: {
      country: 'CN',
      name: 'China',
      regionCode: 'east-asia',
      providerMayOwnDataCentres: false,
      ownershipRationale: 'Foreign companies may not own data centres in China.',
      defaultResidency: 'in-country',
    },
    arrange: '/v1/jurisdictions',
  },
  'PATCH /v1/jurisdictions/{country}': { body: { defaultResidency: 'in-region' } },
  'POST /v1/partners': {
    body: { code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' },
    arrange: '/v1/partners',
  },
  'POST /v1/data-centres': {
    body: {
      code: 'cn-beijing-1',
      name: 'Beijing 1',
      country: 'CN',
      operator: 'china-telecom',
      ownership: 'partner-operated',
      services: ['iaas'],
      capacity: { vcpu: 1000, memoryGib: 4000, storageGib: 100000, publicIps: 256 },
    },
    arrange: '/v1/data-centres',
  },
  'PATCH /v1/data-centres/{code}/status': { body: { status: 'maintenance', reason: 'Power work' } },
  'PATCH /v1/data-centres/{code}/capacity': { body: { vcpu: 1200 } },
  'POST /v1/tenants': {
    body: {
      name: 'Beijing Commercial Bank',
      homeCountry: 'CN',
      segment: 'enterprise-large',
      sector: 'financial',
      quotas: { vcpu: 100, memoryGib: 400, storageGib: 10000, vms: 50 },
    },
    arrange: '/v1/tenants',
  },
  'POST /v1/tenants/{id}/suspend': { body: { reason: 'Unpaid invoices' } },
  'POST /v1/tenants/{id}/resume': { body: null },
  'PATCH /v1/tenants/{id}/quotas': { body: { vms: 60 } },
  'POST /v1/catalogue/images': {
    body: { name: 'Kylin Server 10', osFamily: 'linux', vendor: 'Kylinsoft', version: '10' },
    arrange: '/v1/catalogue/images',
  },
  'POST /v1/catalogue/sizes': {
    body: { code: 'm1.small', name: 'Small', vcpu: 1, memoryGib: 2 },
    arrange: '/v1/catalogue/sizes',
  },
  'POST /v1/api-keys': { body: { name: 'ci-pipeline', role: 'platform-operator' }, arrange: '/v1/api-keys' },
  'POST /v1/api-keys/{id}/revoke': { body: null },
  // Names a tenant and an image by id: the suites that send it whole put their own world's ids in.
  'POST /v1/provisioning-requests': {
    body: {
      tenant: '3f6a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      service: 'iaas',
      spec: {
        vms: [{ size: 'm1.small', image: '7b1e4d2c-9f3a-4c5b-8d6e-0a1b2c3d4e5f', count: 2 }],
        storageGib: 500,
        networkCidr: '10.20.0.0/16',
        hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.10' },
        preference: { dataCentre: 'cn-beijing-1', country: 'CN' },
      },
    },
  },
  'POST /v1/provisioning-requests/{id}/cancel': { body: null },
  'POST /v1/provisioning-requests/{id}/approve': { body: { reason: 'Capacity planned with the tenant.' } },
  'POST /v1/provisioning-requests/{id}/reject': { body: { reason: 'Not in this quarter.' } },
  'POST /v1/deployments/{id}/decommission': { body: null },
  'POST /v1/policy-rules': {
    body: {
      kind: 'procurement-exclusion',
      name: 'Japan government: no Windows 8',
      description: 'Test rule.',
      params: { country: 'JP', segments: ['government'], images: [{ vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' }], rationale: 'Test.' },
    },
    arrange: '/v1/policy-rules',
  },
  'PATCH /v1/policy-rules/{id}': { body: { enabled: false } },
};
