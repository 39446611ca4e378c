import { Injectable } from '@nestjs/common';
import type { CaseStatus, Channel, Sender } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/** What answering a case's customer needs: the case, the message that opened it, who they are. */
export interface ReplyContext {
  caseId: string;
  reference: string;
  status: CaseStatus;
  channel: Channel;
  channelAccount: string;
  regionCode: string | null;
  managerId: string | null;
  registrationDueAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionNewDate: string | null;
  resolutionDelayReason: string | null;
  /** The opening message: its source id is the e-mail Message-ID or the tweet id to answer. */
  opening: {
    sourceId: string;
    sender: Sender;
    subject: string | null;
    text: string;
    language: string | null;
    references: string[];
    metadata: Record<string, unknown>;
  };
  customerLanguage: string | null;
  erased: boolean;
  identities: { kind: string; value: string }[];
}

interface Row {
  id: string;
  reference: string;
  status: CaseStatus;
  channel: Channel;
  channel_account: string;
  region_code: string | null;
  manager_id: string | null;
  registration_due_at: Date | null;
  resolution_due_at: Date | null;
  resolution_new_date: string | null;
  resolution_delay_reason: string | null;
  source_id: string;
  sender: Sender;
  subject: string | null;
  body: string;
  message_language: string | null;
  threading_references: string[] | null;
  metadata: Record<string, unknown> | null;
  customer_id: string | null;
  customer_language: string | null;
  erased_at: Date | null;
}

@Injectable()
export class ReplyContextRepository {
  async find(em: EntityManager, caseId: string): Promise<ReplyContext | null> {
    return (await this.findMany(em, [caseId])).get(caseId) ?? null;
  }

  /** The contexts of many cases in two queries: a batch of opened cases is acknowledged at once. */
  async findMany(
    em: EntityManager,
    caseIds: readonly string[],
  ): Promise<Map<string, ReplyContext>> {
    if (caseIds.length === 0) return new Map();
    const rows: Row[] = await em.query(
      `SELECT c.id, c.reference, c.status, c.channel, c.channel_account, c.region_code, c.manager_id,
              c.registration_due_at, c.resolution_due_at, to_char(c.resolution_new_date, 'YYYY-MM-DD') AS resolution_new_date,
              c.resolution_delay_reason, m.source_id, m.sender, m.subject, m.body,
              m.language AS message_language, m.envelope -> 'threading' -> 'references' AS threading_references,
              m.envelope -> 'metadata' AS metadata, c.customer_id, cu.language AS customer_language, cu.erased_at
         FROM cases c
         JOIN messages m ON m.id = c.first_message_id
         LEFT JOIN customers cu ON cu.id = c.customer_id
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
    const customerIds = [...new Set(rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))];
    const identities: { customer_id: string; kind: string; value: string }[] =
      customerIds.length > 0
        ? await em.query(
            `SELECT customer_id, kind, value FROM customer_identities
              WHERE customer_id = ANY($1::uuid[]) ORDER BY first_seen_at`,
            [customerIds],
          )
        : [];
    const byCustomer = new Map<string, { kind: string; value: string }[]>();
    for (const i of identities) {
      if (i.value.startsWith('erased:')) continue;
      const list = byCustomer.get(i.customer_id) ?? [];
      list.push({ kind: i.kind, value: i.value });
      byCustomer.set(i.customer_id, list);
    }
    return new Map(
      rows.map((row) => [row.id, toContext(row, byCustomer.get(row.customer_id ?? '') ?? [])]),
    );
  }
}

function toContext(row: Row, identities: { kind: string; value: string }[]): ReplyContext {
  return {
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    channel: row.channel,
    channelAccount: row.channel_account,
    regionCode: row.region_code,
    managerId: row.manager_id,
    registrationDueAt: row.registration_due_at,
    resolutionDueAt: row.resolution_due_at,
    resolutionNewDate: row.resolution_new_date,
    resolutionDelayReason: row.resolution_delay_reason,
    opening: {
      sourceId: row.source_id,
      sender: row.sender,
      subject: row.subject,
      text: row.body,
      language: row.message_language,
      references: Array.isArray(row.threading_references) ? row.threading_references : [],
      metadata: row.metadata ?? {},
    },
    customerLanguage: row.customer_language,
    erased: row.erased_at !== null,
    identities,
  };
}
