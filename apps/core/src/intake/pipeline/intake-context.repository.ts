import { Injectable } from '@nestjs/common';
import type { CaseStatus, Channel } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { decodeSignature } from '../../messages/message.repository';
import { emailThreadKey, IntakeContext, type CaseSnapshot } from './intake-context';

interface CaseRow {
  id: string;
  reference: string;
  customer_id: string | null;
  channel: Channel;
  status: CaseStatus;
  last_message_at: Date;
}

const CASE_COLUMNS = 'c.id, c.reference, c.customer_id, c.channel, c.status, c.last_message_at';

function snapshot(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    channel: row.channel,
    status: row.status,
    lastMessageAt: new Date(row.last_message_at),
  };
}

export interface ContextQuery {
  references: string[];
  /** Raw Message-IDs from In-Reply-To and References headers. */
  emailMessageIds: string[];
  customerIds: string[];
  /** Oldest activity any rule can still join. */
  since: Date;
}

/** Loads, in four bulk queries, what a batch's decisions depend on. */
@Injectable()
export class IntakeContextRepository {
  async load(em: EntityManager, query: ContextQuery): Promise<IntakeContext> {
    const context = new IntakeContext();
    if (query.references.length > 0) {
      const rows: CaseRow[] = await em.query(
        `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.reference = ANY($1::text[])`,
        [query.references],
      );
      rows.forEach((r) => context.addCase(snapshot(r)));
    }
    if (query.emailMessageIds.length > 0) {
      const keys = [
        ...new Set(query.emailMessageIds.map((id) => emailThreadKey(id).slice('email:'.length))),
      ];
      const rows: (CaseRow & { key: string })[] = await em.query(
        `SELECT t.value AS key, ${CASE_COLUMNS} FROM thread_keys t JOIN cases c ON c.id = t.case_id
          WHERE t.kind = 'email' AND t.value = ANY($1::text[])`,
        [keys],
      );
      for (const row of rows) {
        context.addCase(snapshot(row));
        context.addThreadKey(`email:${row.key}`, row.id);
      }
    }
    if (query.customerIds.length > 0) {
      const cases: CaseRow[] = await em.query(
        `SELECT ${CASE_COLUMNS} FROM cases c
          WHERE c.customer_id = ANY($1::uuid[]) AND c.status <> 'closed' AND c.last_message_at >= $2`,
        [query.customerIds, query.since],
      );
      cases.forEach((r) => context.addCase(snapshot(r)));
      // Fingerprints of closed cases come too, but the decider only compares with cases it knows
      // to be open (loaded just above): cheaper than joining every row to its case.
      const signatures: {
        case_id: string;
        customer_id: string;
        received_at: Date;
        text_signature: Buffer;
      }[] = await em.query(
        `SELECT customer_id, case_id, received_at, text_signature
           FROM messages
          WHERE customer_id = ANY($1::uuid[]) AND received_at >= $2 AND text_signature IS NOT NULL`,
        [query.customerIds, query.since],
      );
      for (const s of signatures) {
        context.addSignature(s.customer_id, {
          caseId: s.case_id,
          receivedAt: new Date(s.received_at),
          signature: decodeSignature(s.text_signature),
        });
      }
    }
    return context;
  }
}
