import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ZodValidationPipe } from '@app/platform';
import { CurrentPrincipal, regionScope, Roles, type Principal } from '../auth';
import {
  ResolutionDelayRequestSchema,
  type ResolutionDelayRequest,
  type ResolutionDelayResponse,
} from './dto/resolution-delay.dto';
import { AnnounceResolutionDelay } from './usecases/announce-resolution-delay.usecase';

/** The manager's answer to the resolution-delay reminder. */
@Controller('api/v1/cases')
@Roles('ops', 'manager', 'admin')
export class ResolutionDelayController {
  constructor(private readonly announce: AnnounceResolutionDelay) {}

  @Post(':reference/resolution-delay')
  @HttpCode(200)
  delay(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(ResolutionDelayRequestSchema)) body: ResolutionDelayRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResolutionDelayResponse> {
    return this.announce.execute(reference, body, {
      name: principal.name,
      regionScope: regionScope(principal),
    });
  }
}
