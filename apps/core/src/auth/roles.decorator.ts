import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiTokenGuard, type AuthenticatedRequest } from './api-token.guard';
import { ROLES, type Principal, type Role } from './principal';
import { ROLES_KEY } from './roles.metadata';

/**
 * Puts a controller or a handler behind an API token with one of these roles:
 * `@Roles('admin')` on a class or method. A method's roles override its class's.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(ApiTokenGuard),
    ApiBearerAuth('api-token'),
  );
}

/** Any valid API token: ops, manager or admin. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return Roles(...ROLES);
}

/** The caller, as resolved by the guard: `@CurrentPrincipal() principal: Principal`. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without @Roles()');
    return principal;
  },
);
