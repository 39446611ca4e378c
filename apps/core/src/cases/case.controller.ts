import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { OpsAuthGuard, ZodValidationPipe } from '@app/platform';
import type { CaseResponse } from './dto/case.response';
import { RerouteRequestSchema, type RerouteRequest } from './dto/reroute.request';
import { GetCaseByReference } from './usecases/get-case-by-reference.usecase';
import { RerouteCase } from './usecases/reroute-case.usecase';

/** Ops actions are taken as the admin token for now; per-person tokens come with the ops API. */
const ACTOR = 'admin';

@Controller('api/v1/cases')
@UseGuards(OpsAuthGuard)
export class CaseController {
  constructor(
    private readonly getCaseByReference: GetCaseByReference,
    private readonly rerouteCase: RerouteCase,
  ) {}

  @Get(':reference')
  get(@Param('reference') reference: string): Promise<CaseResponse> {
    return this.getCaseByReference.execute(reference);
  }

  @Post(':reference/routing')
  @HttpCode(200)
  reroute(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(RerouteRequestSchema)) body: RerouteRequest,
  ): Promise<CaseResponse> {
    return this.rerouteCase.execute(reference, body, ACTOR);
  }
}
