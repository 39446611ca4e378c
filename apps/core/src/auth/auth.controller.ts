import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { toMeResponse, type MeResponse } from './dto/token.response';
import type { Principal } from './principal';
import { Authenticated, CurrentPrincipal } from './roles.decorator';

@ApiTags('auth')
@Controller('api/v1/auth')
@Authenticated()
export class AuthController {
  /** Who the dashboard is signed in as: it shows or hides actions by role. */
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): MeResponse {
    return toMeResponse(principal);
  }
}
