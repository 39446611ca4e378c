import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Old messages' payloads: found, stripped of their blob references, and checked for last use. */
@Injectable()
export class RetentionRepository {
  /**
   * Strips up to `limit` messages received before `before` of their attachments and raw-payload
   * reference (the text stays: the case needs it), returning the blobs they pointed at. Rows are
   * locked and skipped by a concurrent instance.
   */
  async purgeBefore(
    em: EntityManager,
    before: Date,
    limit: number,
  ): Promise<{ purged: number; shas: string[] }> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [rows]: [{ id: string; shas: (string | null)[] }[], number] = await em.query(
      `WITH due AS (
          SELECT id FROM messages
           WHERE received_at < $1 AND payload_purged_at IS NULL
           ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED),
        refs AS (
          SELECT m.id, ARRAY(
                   SELECT a ->> 'sha256' FROM jsonb_array_elements(COALESCE(m.envelope -> 'attachments', '[]')) AS a
                   UNION SELECT m.envelope -> 'metadata' ->> 'rawSha256') AS shas
            FROM messages m JOIN due ON due.id = m.id)
       UPDATE messages m SET
              envelope = jsonb_set(m.envelope #- '{metadata,rawSha256}', '{attachments}', '[]'::jsonb)
                         || jsonb_build_object('attachmentsPurged',
                              jsonb_array_length(COALESCE(m.envelope -> 'attachments', '[]'))),
              payload_purged_at = now()
         FROM refs WHERE refs.id = m.id
       RETURNING m.id, refs.shas`,
      [before.toISOString(), limit],
    );
    const shas = new Set(rows.flatMap((r) => r.shas.filter((s): s is string => Boolean(s))));
    return { purged: rows.length, shas: [...shas] };
  }

  /**
   * Of these blobs, the ones no kept message points at any more (content addressing shares them).
   * A purged or erased message has lost its references, so this also serves an erasure.
   */
  async unreferenced(em: EntityManager, shas: readonly string[]): Promise<string[]> {
    if (shas.length === 0) return [];
    const rows: { sha256: string }[] = await em.query(
      `SELECT s AS sha256 FROM unnest($1::text[]) AS s
        WHERE NOT EXISTS (SELECT 1 FROM messages m
                           WHERE m.payload_purged_at IS NULL
                             AND (m.envelope -> 'attachments' @> jsonb_build_array(jsonb_build_object('sha256', s))
                                  OR m.envelope -> 'metadata' ->> 'rawSha256' = s))`,
      [shas],
    );
    return rows.map((r) => r.sha256);
  }
}
