export const ROLES_KEY = 'core:roles';
