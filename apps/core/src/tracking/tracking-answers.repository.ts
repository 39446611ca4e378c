import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The customer's answers to "do you agree with the fix?", with their comment. */
@Injectable()
export class TrackingAnswersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordAgreement(
    caseId: string,
    agreement: { agree: boolean; comment: string | null; via: string },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_agreements (case_id, agree, comment, via) VALUES ($1, $2, $3, $4)`,
      [caseId, agreement.agree, agreement.comment, agreement.via],
    );
  }
}
