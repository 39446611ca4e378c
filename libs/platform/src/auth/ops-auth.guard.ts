import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpEdgeException } from '../http/http.exception';

export const OPS_AUTH_OPTIONS = Symbol('OPS_AUTH_OPTIONS');

export interface OpsAuthOptions {
  /** The admin API token from configuration (`ADMIN_TOKEN`). */
  adminToken: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Every ops endpoint needs `Authorization: Bearer <token>`. Only the token's SHA-256 is kept in
 * memory, and comparing digests of equal length in constant time leaks neither content nor length.
 */
@Injectable()
export class OpsAuthGuard implements CanActivate {
  private readonly adminDigest: Buffer;

  constructor(@Inject(OPS_AUTH_OPTIONS) options: OpsAuthOptions) {
    this.adminDigest = digest(options.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]), this.adminDigest)) {
      throw new HttpEdgeException('unauthorized', 'missing or invalid API token');
    }
    return true;
  }
}
