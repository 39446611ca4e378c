import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CaseLink {
  caseId: string;
  relatedCaseId: string;
  /** quoted_reference: the case's first message quoted another customer's reference number. */
  kind: string;
}

@Injectable()
export class CaseLinkRepository {
  async insert(em: EntityManager, links: readonly CaseLink[]): Promise<void> {
    if (links.length === 0) return;
    await em.query(
      `INSERT INTO case_links (case_id, related_case_id, kind)
       SELECT case_id, related_case_id, kind FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(case_id, related_case_id, kind)
       ON CONFLICT DO NOTHING`,
      [links.map((l) => l.caseId), links.map((l) => l.relatedCaseId), links.map((l) => l.kind)],
    );
  }
}
