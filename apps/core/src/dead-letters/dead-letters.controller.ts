import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@app/platform';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import {
  DiscardRequestSchema,
  ListDeadLettersQuerySchema,
  ReplayChannelRequestSchema,
  type DiscardRequest,
  type ListDeadLettersQuery,
  type ReplayChannelRequest,
} from './dto/dead-letter.requests';
import type {
  DeadLetterChannelSummary,
  DeadLetterResponse,
  DeadLetterSummaryItem,
} from './dto/dead-letter.response';
import { DiscardDeadLetter } from './usecases/discard-dead-letter.usecase';
import { InspectDeadLetter } from './usecases/inspect-dead-letter.usecase';
import { ListDeadLetters } from './usecases/list-dead-letters.usecase';
import { ReplayDeadLetter, type ChannelReplayResult } from './usecases/replay-dead-letter.usecase';

const schema = (s: z.ZodType) => ({ schema: z.toJSONSchema(s, { io: 'input' }) as object });

/** Dead letters belong to no region: ops and admins only. */
@ApiTags('dead-letters')
@Controller('api/v1/dead-letters')
@Roles('ops', 'admin')
export class DeadLettersController {
  constructor(
    private readonly listDeadLetters: ListDeadLetters,
    private readonly inspectDeadLetter: InspectDeadLetter,
    private readonly replayDeadLetter: ReplayDeadLetter,
    private readonly discardDeadLetter: DiscardDeadLetter,
  ) {}

  @Get()
  @ApiQuery({ name: 'channel', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'waiting, replayed, discarded' })
  @ApiQuery({ name: 'limit', required: false })
  list(
    @Query(new ZodValidationPipe(ListDeadLettersQuerySchema)) query: ListDeadLettersQuery,
  ): Promise<DeadLetterSummaryItem[]> {
    return this.listDeadLetters.execute(query);
  }

  @Get('summary')
  summary(): Promise<DeadLetterChannelSummary[]> {
    return this.listDeadLetters.summary();
  }

  @Post('replay')
  @HttpCode(200)
  @ApiBody(schema(ReplayChannelRequestSchema))
  replayChannel(
    @Body(new ZodValidationPipe(ReplayChannelRequestSchema)) body: ReplayChannelRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChannelReplayResult> {
    return this.replayDeadLetter.channel(body.channel, principal.name);
  }

  @Get(':id')
  inspect(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterResponse> {
    return this.inspectDeadLetter.execute(id, principal.name);
  }

  @Post(':id/replay')
  @HttpCode(200)
  replay(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterResponse> {
    return this.replayDeadLetter.execute(id, principal.name);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiBody(schema(DiscardRequestSchema))
  discard(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(DiscardRequestSchema)) body: DiscardRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterResponse> {
    return this.discardDeadLetter.execute(id, body, principal.name);
  }
}
