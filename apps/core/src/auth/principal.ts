/** The roles an API token can carry. A manager is bound to one region and sees only its cases. */
export const ROLES = ['ops', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from the bearer token by the ApiTokenGuard, attached to the request. */
export interface Principal {
  /** The token's id; null for the bootstrap admin token from ADMIN_TOKEN. */
  tokenId: string | null;
  /** The token's name: recorded as `by` in case history and audits. Never personal data. */
  name: string;
  role: Role;
  /** Set for managers only. */
  regionCode: string | null;
}

/** The region a principal is limited to, or null when it sees every case. */
export function regionScope(principal: Principal): string | null {
  return principal.role === 'manager' ? principal.regionCode : null;
}
