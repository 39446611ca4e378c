import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CustomerRecord {
  id: string;
  displayName: string | null;
  language: string | null;
  createdAt: Date;
  erasedAt: Date | null;
  /** This customer and the ones merged into it: one person. */
  ids: string[];
}

/** Every query behind the KVKK/GDPR rights: access (export) and erasure. */
@Injectable()
export class PrivacyRepository {
  /** The customer, followed to the survivor when it was merged into another. */
  async findCustomer(em: EntityManager, id: string): Promise<CustomerRecord | null> {
    const [row]: {
      id: string;
      display_name: string | null;
      language: string | null;
      created_at: Date;
      erased_at: Date | null;
      ids: string[];
    }[] = await em.query(
      `WITH root AS (SELECT COALESCE(merged_into, id) AS id FROM customers WHERE id = $1)
       SELECT c.id, c.display_name, c.language, c.created_at, c.erased_at,
              ARRAY(SELECT m.id FROM customers m WHERE m.id = c.id OR m.merged_into = c.id) AS ids
         FROM customers c JOIN root ON root.id = c.id`,
      [id],
    );
    return row
      ? {
          id: row.id,
          displayName: row.display_name,
          language: row.language,
          createdAt: row.created_at,
          erasedAt: row.erased_at,
          ids: row.ids,
        }
      : null;
  }

  identities(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    return em.query(
      `SELECT kind, value, first_seen_at AS "firstSeenAt" FROM customer_identities
        WHERE customer_id = ANY($1::uuid[]) ORDER BY first_seen_at`,
      [ids],
    );
  }

  messages(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    return em.query(
      `SELECT id, case_id AS "caseId", channel, channel_account AS "channelAccount", source_id AS "sourceId",
              received_at AS "receivedAt", sent_at AS "sentAt", sender, subject, body AS text, language,
              consent, envelope -> 'attachments' AS attachments, envelope -> 'threading' AS threading,
              envelope -> 'storeCode' AS "storeCode", envelope -> 'employee' AS employee,
              payload_purged_at AS "payloadPurgedAt", erased_at AS "erasedAt"
         FROM messages WHERE customer_id = ANY($1::uuid[]) ORDER BY received_at`,
      [ids],
    );
  }

  cases(em: EntityManager, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    return em.query(
      `SELECT c.id, c.reference, c.status, c.feedback_type AS "feedbackType", c.category, c.channel,
              c.store_code AS "storeCode", c.received_at AS "receivedAt", c.opened_at AS "openedAt",
              c.acknowledged_at AS "acknowledgedAt", c.registered_at AS "registeredAt",
              c.resolved_at AS "resolvedAt", c.closed_at AS "closedAt",
              c.resolution_due_at AS "resolutionDueAt",
              to_char(c.resolution_new_date, 'YYYY-MM-DD') AS "newResolutionDate",
              c.resolution_delay_reason AS "delayReason",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('at', h.at, 'kind', h.kind, 'actor', h.actor,
                                                            'details', h.details) ORDER BY h.id)
                          FROM case_history h WHERE h.case_id = c.id), '[]') AS history,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('replyId', r.reply_id, 'kind', r.kind,
                                                            'channel', r.channel, 'status', r.status,
                                                            'requestedAt', r.requested_at, 'statusAt', r.status_at))
                          FROM case_replies r WHERE r.case_id = c.id), '[]') AS replies,
              (SELECT jsonb_build_object('requestedAt', s.requested_at, 'score', s.score, 'comment', s.comment,
                                         'answeredAt', s.answered_at)
                 FROM case_surveys s WHERE s.case_id = c.id) AS survey,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('at', a.at, 'agree', a.agree, 'comment', a.comment)
                                         ORDER BY a.id)
                          FROM case_agreements a WHERE a.case_id = c.id), '[]') AS agreements
         FROM cases c WHERE c.customer_id = ANY($1::uuid[]) ORDER BY c.opened_at`,
      [ids],
    );
  }

  /** Blobs the customer's messages point at: attachments and raw payloads. */
  async blobsOf(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows: { sha256: string }[] = await em.query(
      `SELECT DISTINCT sha256 FROM (
          SELECT a ->> 'sha256' AS sha256 FROM messages m,
                 jsonb_array_elements(COALESCE(m.envelope -> 'attachments', '[]')) AS a
           WHERE m.customer_id = ANY($1::uuid[])
          UNION
          SELECT m.envelope -> 'metadata' ->> 'rawSha256' FROM messages m WHERE m.customer_id = ANY($1::uuid[])
       ) x WHERE sha256 IS NOT NULL`,
      [ids],
    );
    return rows.map((r) => r.sha256);
  }

  /**
   * Pseudonymises everything personal of these customers, keeping what reports count: cases
   * keep statuses, categories, timings and counts; messages keep channel, times, language and the
   * consent as given. Identity values become random tokens, so the person can no longer be found
   * or matched, and the outbox loses any reply still waiting to be sent to them.
   */
  async erase(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<{ identities: number; messages: number; cases: number }> {
    const caseRows: { id: string }[] = await em.query(
      `SELECT id FROM cases WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    const caseIds = caseRows.map((r) => r.id);
    const identityValues: { value: string }[] = await em.query(
      `SELECT value FROM customer_identities WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    const sourceIds: { source_id: string }[] = await em.query(
      `SELECT source_id FROM messages WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    await em.query(
      `UPDATE customers SET display_name = NULL, erased_at = COALESCE(erased_at, now()) WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, identities]: [unknown[], number] = await em.query(
      `UPDATE customer_identities SET value = 'erased:' || gen_random_uuid()
        WHERE customer_id = ANY($1::uuid[]) AND value NOT LIKE 'erased:%'`,
      [ids],
    );
    const [, messages]: [unknown[], number] = await em.query(
      `UPDATE messages SET
          body = '', subject = NULL, sender = '{}'::jsonb, text_signature = NULL,
          source_id = 'erased:' || id::text,
          envelope = jsonb_strip_nulls(jsonb_build_object(
            'schemaVersion', envelope -> 'schemaVersion', 'messageId', envelope -> 'messageId',
            'channel', envelope -> 'channel', 'channelAccount', envelope -> 'channelAccount',
            'receivedAt', envelope -> 'receivedAt', 'sentAt', envelope -> 'sentAt',
            'language', envelope -> 'language', 'declaredType', envelope -> 'declaredType',
            'storeCode', envelope -> 'storeCode', 'category', envelope -> 'category',
            'consent', envelope -> 'consent', 'attachments', '[]'::jsonb,
            'attachmentCount', jsonb_array_length(COALESCE(envelope -> 'attachments', '[]')),
            'erased', true)),
          erased_at = now(), payload_purged_at = COALESCE(payload_purged_at, now())
        WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    if (caseIds.length > 0) {
      // E-mail Message-IDs and conversation ids can carry the address they were sent from.
      await em.query(`DELETE FROM thread_keys WHERE case_id = ANY($1::uuid[])`, [caseIds]);
      await em.query(
        `UPDATE case_replies SET provider_message_id = NULL,
                error = CASE WHEN error IS NULL THEN NULL ELSE jsonb_build_object('code', error -> 'code') END
          WHERE case_id = ANY($1::uuid[])`,
        [caseIds],
      );
      await em.query(`UPDATE case_surveys SET comment = NULL WHERE case_id = ANY($1::uuid[])`, [
        caseIds,
      ]);
      await em.query(`UPDATE case_agreements SET comment = NULL WHERE case_id = ANY($1::uuid[])`, [
        caseIds,
      ]);
      await em.query(
        `DELETE FROM outbox WHERE topic = 'outbound.replies.v1' AND payload ->> 'caseId' = ANY($1::text[])`,
        [caseIds],
      );
      // Ops notes are free text written about the case: they may name the person.
      await em.query(`UPDATE case_notes SET text = '[erased]' WHERE case_id = ANY($1::uuid[])`, [
        caseIds,
      ]);
    }
    // Dead letters hold whole payloads: those of this customer's messages, or naming them.
    const needles = [
      ...identityValues.map((r) => r.value),
      ...sourceIds.map((r) => r.source_id),
    ].filter((v) => v.length >= 5 && !v.startsWith('erased:'));
    if (needles.length > 0)
      await em.query(
        `UPDATE dead_letters SET payload = '{"erased":true}'::jsonb, headers = '{}'::jsonb,
                source = jsonb_build_object('erased', true)
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS n
                         WHERE strpos(payload::text || source::text || headers::text, n) > 0)`,
        [needles],
      );
    return { identities, messages, cases: caseIds.length };
  }
}
