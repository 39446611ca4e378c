import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiTokenRepository } from '../api-token.repository';
import { AuthException } from '../auth.exception';
import type { CreateTokenRequest } from '../dto/create-token.request';
import { toTokenResponse, type CreatedTokenResponse } from '../dto/token.response';
import type { Principal } from '../principal';
import { newTokenSecret, tokenDigest } from '../token-digest';

/** Issues a token; its secret is returned once and only its SHA-256 is kept. */
@Injectable()
export class CreateApiToken {
  constructor(private readonly tokens: ApiTokenRepository) {}

  async execute(request: CreateTokenRequest, by: Principal): Promise<CreatedTokenResponse> {
    const regionCode = request.role === 'manager' ? (request.regionCode ?? null) : null;
    if (regionCode && !(await this.tokens.regionExists(regionCode))) {
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
