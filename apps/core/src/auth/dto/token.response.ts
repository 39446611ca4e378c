import type { ApiTokenRow } from '../api-token.repository';
import type { Principal, Role } from '../principal';

export interface TokenResponse {
  id: string;
  name: string;
  role: Role;
  regionCode: string | null;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time the secret is shown. */
export interface CreatedTokenResponse extends TokenResponse {
  token: string;
}

export interface MeResponse {
  name: string;
  role: Role;
  regionCode?: string;
}

export function toTokenResponse(row: ApiTokenRow): TokenResponse {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    regionCode: row.regionCode,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function toMeResponse(principal: Principal): MeResponse {
  return {
    name: principal.name,
    role: principal.role,
    ...(principal.regionCode ? { regionCode: principal.regionCode } : {}),
  };
}
