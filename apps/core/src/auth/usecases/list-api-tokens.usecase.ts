import { Injectable } from '@nestjs/common';
import { ApiTokenRepository } from '../api-token.repository';
import { toTokenResponse, type TokenResponse } from '../dto/token.response';

@Injectable()
export class ListApiTokens {
  constructor(private readonly tokens: ApiTokenRepository) {}

  async execute(): Promise<TokenResponse[]> {
    return (await this.tokens.list()).map(toTokenResponse);
  }
}
