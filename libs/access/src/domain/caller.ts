/** Who is calling, as every use case sees it: a role and, for scoped roles, the scope. */
export const ROLES = ['platform-operator', 'partner-operator', 'tenant'] as const;
export type Role = (typeof ROLES)[number];

export type Scope = { kind: 'platform' } | { kind: 'partner'; partnerCode: string } | { kind: 'tenant'; tenantId: string };

export interface Caller {
  keyId: string;
  role: Role;
  scope: Scope;
}

export const scopeOfRole = (role: Role, scopeId: string | null): Scope => {
  switch (role) {
    case 'platform-operator':
      return { kind: 'platform' };
    case 'partner-operator':
      return { kind: 'partner', partnerCode: scopeId! };
    case 'tenant':
      return { kind: 'tenant', tenantId: scopeId! };
  }
};

/** The scope id stored beside the role: the partner code or tenant id, null for the platform. */
export const scopeId = (scope: Scope): string | null =>
  scope.kind === 'partner' ? scope.partnerCode : scope.kind === 'tenant' ? scope.tenantId : null;

export const describeCaller = (caller: Caller): string =>
  caller.scope.kind === 'platform' ? caller.role : `${caller.role}:${scopeId(caller.scope)}`;
