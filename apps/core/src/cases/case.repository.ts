import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CaseEntity } from './case.entity';
import type { NewCaseRecord } from './case-record';

/** Messages that joined an existing case in one batch, summed per case. */
export interface CaseActivity {
  caseId: string;
  lastMessageAt: Date;
  messages: number;
  repeatContacts: number;
}

@Injectable()
export class CaseRepository {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  async insertMany(em: EntityManager, cases: readonly NewCaseRecord[]): Promise<void> {
    if (cases.length === 0) return;
    const iso = (d: Date) => d.toISOString();
    const rows = cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      reference_year: c.referenceYear,
      reference_serial: c.referenceSerial,
      status: c.status,
      feedback_type: c.feedbackType,
      category: c.category,
      channel: c.channel,
      channel_account: c.channelAccount,
      customer_id: c.customerId,
      first_message_id: c.firstMessageId,
      received_at: iso(c.receivedAt),
      opened_at: iso(c.openedAt),
      updated_at: iso(c.openedAt),
      last_message_at: iso(c.receivedAt),
      store_code: c.routing.storeCode,
      region_code: c.routing.regionCode,
      manager_id: c.routing.managerId,
      routed_via: c.routing.via,
      sla_started_at: iso(c.sla.startedAt),
      acknowledge_due_at: iso(c.sla.acknowledgeDueAt),
      registration_due_at: iso(c.sla.registrationDueAt),
      resolution_due_at: iso(c.sla.resolutionDueAt),
      acknowledge_warn_at: iso(c.sla.acknowledgeWarnAt),
      registration_warn_at: iso(c.sla.registrationWarnAt),
      resolution_warn_at: iso(c.sla.resolutionWarnAt),
      sla_next_check_at: iso(c.sla.acknowledgeWarnAt),
    }));
    await em.query(
      `INSERT INTO cases (id, reference, reference_year, reference_serial, status, feedback_type, category, channel,
                          channel_account, customer_id, first_message_id, received_at, opened_at, updated_at,
                          last_message_at, store_code, region_code, manager_id, routed_via, sla_started_at,
                          acknowledge_due_at, registration_due_at, resolution_due_at, acknowledge_warn_at,
                          registration_warn_at, resolution_warn_at, sla_next_check_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reference text, reference_year integer,
              reference_serial bigint, status text, feedback_type text, category text, channel text,
              channel_account text, customer_id uuid, first_message_id uuid, received_at timestamptz,
              opened_at timestamptz, updated_at timestamptz, last_message_at timestamptz, store_code text,
              region_code text, manager_id uuid, routed_via text, sla_started_at timestamptz,
              acknowledge_due_at timestamptz, registration_due_at timestamptz, resolution_due_at timestamptz,
              acknowledge_warn_at timestamptz, registration_warn_at timestamptz, resolution_warn_at timestamptz,
              sla_next_check_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }

  /** Records messages that joined existing cases: counts and the latest activity. */
  async recordActivity(em: EntityManager, activity: readonly CaseActivity[]): Promise<void> {
    if (activity.length === 0) return;
    await em.query(
      `UPDATE cases c
          SET last_message_at = GREATEST(c.last_message_at, x.last_message_at),
              message_count = c.message_count + x.messages,
              repeat_contacts = c.repeat_contacts + x.repeat_contacts,
              updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, last_message_at timestamptz, messages integer, repeat_contacts integer)
        WHERE c.id = x.case_id`,
      [
        JSON.stringify(
          activity.map((a) => ({
            case_id: a.caseId,
            last_message_at: a.lastMessageAt.toISOString(),
            messages: a.messages,
            repeat_contacts: a.repeatContacts,
          })),
        ),
      ],
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

  /** Locks the case for a change made by a person (re-routing), so concurrent changes queue up. */
  async lockByReference(em: EntityManager, reference: string): Promise<CaseEntity | null> {
    return em
      .getRepository(CaseEntity)
      .findOne({ where: { reference }, lock: { mode: 'pessimistic_write' } });
  }

  async setRouting(
    em: EntityManager,
    caseId: string,
    routing: {
      storeCode: string | null;
      regionCode: string | null;
      managerId: string | null;
      via: string;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE cases SET store_code = $2, region_code = $3, manager_id = $4, routed_via = $5, updated_at = now() WHERE id = $1`,
      [caseId, routing.storeCode, routing.regionCode, routing.managerId, routing.via],
    );
  }
}
