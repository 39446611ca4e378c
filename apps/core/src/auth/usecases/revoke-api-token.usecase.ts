import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ApiTokenRepository } from '../api-token.repository';
import { AuthException } from '../auth.exception';

/** Revoking is immediate: the guard looks every request's token up. */
@Injectable()
export class RevokeApiToken {
  constructor(private readonly tokens: ApiTokenRepository) {}

  async execute(id: string): Promise<void> {
    if (!z.uuid().safeParse(id).success || !(await this.tokens.revoke(id))) {
      throw new AuthException('token_not_found', 'no live token has this id');
    }
  }
}
