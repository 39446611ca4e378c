export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** The bootstrap admin token (`ADMIN_TOKEN`): always valid, never stored in the database. */
  adminToken: string;
}
