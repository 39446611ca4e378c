import type { Role } from '../core-api/core-api.schemas';

/** The person looking at the dashboard, as core identified their token. */
export interface Viewer {
  name: string;
  role: Role;
  regionCode: string | null;
  /** Their API token: kept in memory only, sent to core alone. */
  token: string;
  tokenHash: string;
  /** Present when they came with the session cookie rather than a bearer token. */
  session?: { idHash: Buffer; csrf: string };
}

/** Who may see what only ops and admins see: dead letters, a WhatsApp session's QR code. */
export function seesOperations(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'admin' || viewer.role === 'ops';
}
