import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@app/platform';
import { z } from 'zod';
import { CreateTokenRequestSchema, type CreateTokenRequest } from './dto/create-token.request';
import type { CreatedTokenResponse, TokenResponse } from './dto/token.response';
import type { Principal } from './principal';
import { CurrentPrincipal, Roles } from './roles.decorator';
import { CreateApiToken } from './usecases/create-api-token.usecase';
import { ListApiTokens } from './usecases/list-api-tokens.usecase';
import { RevokeApiToken } from './usecases/revoke-api-token.usecase';

@ApiTags('auth')
@Controller('api/v1/tokens')
@Roles('admin')
export class TokensController {
  constructor(
    private readonly createApiToken: CreateApiToken,
    private readonly listApiTokens: ListApiTokens,
    private readonly revokeApiToken: RevokeApiToken,
  ) {}

  @Post()
  @ApiBody({ schema: z.toJSONSchema(CreateTokenRequestSchema, { io: 'input' }) as object })
  create(
    @Body(new ZodValidationPipe(CreateTokenRequestSchema)) body: CreateTokenRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedTokenResponse> {
    return this.createApiToken.execute(body, principal);
  }

  @Get()
  list(): Promise<TokenResponse[]> {
    return this.listApiTokens.execute();
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id') id: string): Promise<void> {
    return this.revokeApiToken.execute(id);
  }
}
