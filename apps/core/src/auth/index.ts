// What other features of core use to protect their endpoints.
export { Roles, Authenticated, CurrentPrincipal } from './roles.decorator';
export { ApiTokenGuard } from './api-token.guard';
export { regionScope, ROLES, type Principal, type Role } from './principal';
