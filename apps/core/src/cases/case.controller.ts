import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '@app/platform';
import { z } from 'zod';
import { regionScope, type Principal } from '../auth/principal';
import { Authenticated, CurrentPrincipal } from '../auth/roles.decorator';
import { ChangeCaseStatus } from '../workflow/change-case-status.usecase';
import { AddNoteRequestSchema, type AddNoteRequest } from './dto/add-note.request';
import type { CaseListResponse } from './dto/case-list.response';
import type { CaseResponse } from './dto/case.response';
import { ListCasesQuerySchema, type ListCasesQuery } from './dto/list-cases.query';
import type { NoteResponse, TimelineResponse } from './dto/timeline.response';
import { AddCaseNote } from './usecases/add-case-note.usecase';
import { GetCaseTimeline } from './usecases/get-case-timeline.usecase';
import { ListCases } from './usecases/list-cases.usecase';
import { ChangeStatusRequestSchema, type ChangeStatusRequest } from './dto/change-status.request';
import { RerouteRequestSchema, type RerouteRequest } from './dto/reroute.request';
import { GetCaseByReference } from './usecases/get-case-by-reference.usecase';
import { RerouteCase } from './usecases/reroute-case.usecase';

const schema = (s: z.ZodType) => ({ schema: z.toJSONSchema(s, { io: 'input' }) as object });

/** Every role works cases; a manager only those of their region (others are 404). */
@ApiTags('cases')
@Controller('api/v1/cases')
@Authenticated()
export class CaseController {
  constructor(
    private readonly getCaseByReference: GetCaseByReference,
    private readonly rerouteCase: RerouteCase,
    private readonly changeCaseStatus: ChangeCaseStatus,
    private readonly listCases: ListCases,
    private readonly getCaseTimeline: GetCaseTimeline,
    private readonly addCaseNote: AddCaseNote,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, description: 'comma-separated statuses' })
  @ApiQuery({ name: 'region', required: false })
  @ApiQuery({ name: 'store', required: false })
  @ApiQuery({ name: 'channel', required: false, description: 'comma-separated channels' })
  @ApiQuery({
    name: 'type',
    required: false,
    description: 'complaint, request, suggestion, praise',
  })
  @ApiQuery({ name: 'category', required: false, description: 'a code; sub-categories match' })
  @ApiQuery({ name: 'sla', required: false, description: 'on_time, warning, breached' })
  @ApiQuery({ name: 'from', required: false, description: 'received at or after (ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'received before (ISO 8601)' })
  @ApiQuery({ name: 'q', required: false, description: 'part of the reference or the text' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiQuery({
    name: 'sort',
    required: false,
    description: '[-]receivedAt|updatedAt|resolutionDueAt',
  })
  list(
    @Query(new ZodValidationPipe(ListCasesQuerySchema)) query: ListCasesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseListResponse> {
    return this.listCases.execute(query, regionScope(principal));
  }

  @Get(':reference')
  get(
    @Param('reference') reference: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseResponse> {
    return this.getCaseByReference.execute(reference, regionScope(principal));
  }

  @Post(':reference/routing')
  @HttpCode(200)
  @ApiBody(schema(RerouteRequestSchema))
  reroute(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(RerouteRequestSchema)) body: RerouteRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseResponse> {
    return this.rerouteCase.execute(reference, body, principal.name, regionScope(principal));
  }

  @Post(':reference/status')
  @HttpCode(200)
  @ApiBody(schema(ChangeStatusRequestSchema))
  changeStatus(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(ChangeStatusRequestSchema)) body: ChangeStatusRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseResponse> {
    return this.changeCaseStatus.execute({
      reference,
      to: body.to,
      reason: body.reason,
      actor: 'ops',
      by: principal.name,
      regionScope: regionScope(principal),
    });
  }

  @Get(':reference/timeline')
  timeline(
    @Param('reference') reference: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimelineResponse> {
    return this.getCaseTimeline.execute(reference, regionScope(principal));
  }

  @Post(':reference/notes')
  @ApiBody(schema(AddNoteRequestSchema))
  addNote(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(AddNoteRequestSchema)) body: AddNoteRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NoteResponse> {
    return this.addCaseNote.execute(reference, body, principal.name, regionScope(principal));
  }
}
