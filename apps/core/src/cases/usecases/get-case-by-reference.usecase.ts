import { Inject, Injectable } from '@nestjs/common';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { caseNotFound, ownReference } from '../case-reference';
import type { CaseEntity } from '../case.entity';
import { CaseRepository } from '../case.repository';
import { toCaseResponse, type CaseResponse } from '../dto/case.response';

@Injectable()
export class GetCaseByReference {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly cases: CaseRepository,
  ) {}

  /** `regionScope`: a manager's region; a case of another region is answered as not found. */
  async execute(input: string, regionScope: string | null = null): Promise<CaseResponse> {
    return toCaseResponse(await this.find(input, regionScope));
  }

  async find(input: string, regionScope: string | null): Promise<CaseEntity> {
    const reference = ownReference(input, this.config.referencePrefix);
    const found = reference ? await this.cases.findByReference(reference) : null;
    if (!found || (regionScope !== null && found.regionCode !== regionScope)) throw caseNotFound();
    return found;
  }
}
