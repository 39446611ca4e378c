import { Inject, Injectable } from '@nestjs/common';
import { parseReference } from '@app/contracts';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { CoreException } from '../../core.exception';
import { CaseRepository } from '../case.repository';
import { toCaseResponse, type CaseResponse } from '../dto/case.response';

@Injectable()
export class GetCaseByReference {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly cases: CaseRepository,
  ) {}

  async execute(input: string): Promise<CaseResponse> {
    const parsed = parseReference(input);
    if (!parsed.ok) {
      throw parsed.error === 'malformed'
        ? new CoreException(
            'reference_malformed',
            'not a reference number (PREFIX-YYYY-NNNNNN-C)',
            false,
          )
        : new CoreException(
            'reference_check_digit',
            'the reference number has a wrong digit',
            false,
          );
    }
    // A well-formed number of another organisation is simply not one of ours.
    const found =
      parsed.value.prefix === this.config.referencePrefix
        ? await this.cases.findByReference(parsed.value.text)
        : null;
    if (!found)
      throw new CoreException('case_not_found', 'no case has this reference number', false);
    return toCaseResponse(found);
  }
}
