import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CaseEntity } from './case.entity';

export type NewCase = Omit<CaseEntity, 'referenceSerial'> & { referenceSerial: number };

@Injectable()
export class CaseRepository {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  async insertMany(em: EntityManager, cases: readonly NewCase[]): Promise<void> {
    if (cases.length === 0) return;
    const rows = cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      reference_year: c.referenceYear,
      reference_serial: c.referenceSerial,
      status: c.status,
      feedback_type: c.feedbackType,
      channel: c.channel,
      channel_account: c.channelAccount,
      first_message_id: c.firstMessageId,
      received_at: c.receivedAt.toISOString(),
      opened_at: c.openedAt.toISOString(),
      updated_at: c.updatedAt.toISOString(),
    }));
    await em.query(
      `INSERT INTO cases (id, reference, reference_year, reference_serial, status, feedback_type, channel,
                          channel_account, first_message_id, received_at, opened_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reference text, reference_year integer,
              reference_serial bigint, status text, feedback_type text, channel text, channel_account text,
              first_message_id uuid, received_at timestamptz, opened_at timestamptz, updated_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }

  /** id -> reference for the given cases. */
  async referencesOf(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows: { id: string; reference: string }[] = await em.query(
      `SELECT id, reference FROM cases WHERE id = ANY($1::uuid[])`,
      [[...new Set(caseIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  findByReference(reference: string): Promise<CaseEntity | null> {
    return this.cases.findOne({ where: { reference } });
  }
}
