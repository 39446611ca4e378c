import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { OpsAuthGuard } from '@app/platform';
import type { CaseResponse } from './dto/case.response';
import { GetCaseByReference } from './usecases/get-case-by-reference.usecase';

@Controller('api/v1/cases')
@UseGuards(OpsAuthGuard)
export class CaseController {
  constructor(private readonly getCaseByReference: GetCaseByReference) {}

  @Get(':reference')
  get(@Param('reference') reference: string): Promise<CaseResponse> {
    return this.getCaseByReference.execute(reference);
  }
}
