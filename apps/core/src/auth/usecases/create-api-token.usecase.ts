import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RoutingService } from '../../routing/routing.service';
import { ApiTokenRepository } from '../api-token.repository';
import { AuthException } from '../auth.exception';
import type { CreateTokenRequest } from '../dto/create-token.request';
import { toTokenResponse, type CreatedTokenResponse } from '../dto/token.response';
import type { Principal } from '../principal';
import { newTokenSecret, tokenDigest } from '../token-digest';

/** Issues a token; its secret is returned once and only its SHA-256 is kept. */
@Injectable()
export class CreateApiToken {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly routing: RoutingService,
  ) {}

  async execute(request: CreateTokenRequest, by: Principal): Promise<CreatedTokenResponse> {
    const asked = request.role === 'manager' ? request.regionCode : undefined;
    // The routing catalogue knows the active regions (and reloads on a miss); its code is the
    // canonical one the cases carry, which a manager's scope is compared with.
    const regionCode = asked
      ? ((await this.routing.lookup({ regionCode: asked }))?.regionCode ?? null)
      : null;
    if (asked && !regionCode) {
      throw new AuthException('region_unknown', 'no active region has this code');
    }
    const secret = newTokenSecret();
    const row = await this.tokens.insert({
      id: randomUUID(),
      name: request.name,
      role: request.role,
      regionCode,
      hash: tokenDigest(secret),
      createdBy: by.name,
    });
    return { ...toTokenResponse(row), token: secret };
  }
}
