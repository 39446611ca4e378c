import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HttpEdgeException } from '@app/platform';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ApiTokenRepository } from './api-token.repository';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import type { Principal, Role } from './principal';
import { ROLES_KEY } from './roles.metadata';
import { tokenDigest } from './token-digest';

/** The request after the guard: who is calling. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/**
 * Every ops endpoint needs `Authorization: Bearer <token>`: the bootstrap admin token from
 * ADMIN_TOKEN, or a token issued through the API, found by its SHA-256 (the secret itself is not
 * stored). Then the route's roles (`@Roles(...)`) decide: 401 for no or an unknown token, 403 for
 * a role the route does not admit.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly adminDigest: Buffer;

  constructor(
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    private readonly tokens: ApiTokenRepository,
    private readonly reflector: Reflector,
  ) {
    this.adminDigest = tokenDigest(options.adminToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal ??= await this.authenticate(request.headers.authorization ?? '');
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !allowed.includes(request.principal.role)) {
      throw new HttpEdgeException('forbidden', `this endpoint needs the role ${allowed.join('|')}`);
    }
    return true;
  }

  private async authenticate(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpEdgeException('unauthorized', 'missing API token');
    const digest = tokenDigest(match[1]);
    // Digests have equal length, so the comparison leaks neither content nor length.
    if (timingSafeEqual(digest, this.adminDigest)) {
      return { tokenId: null, name: 'admin', role: 'admin', regionCode: null };
    }
    const token = await this.tokens.findActiveByHash(digest);
    if (!token) throw new HttpEdgeException('unauthorized', 'invalid or revoked API token');
    return { tokenId: token.id, name: token.name, role: token.role, regionCode: token.regionCode };
  }
}
