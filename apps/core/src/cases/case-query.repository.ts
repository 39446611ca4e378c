import { Injectable } from '@nestjs/common';
import type { CaseStatus, Channel, FeedbackType } from '@app/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { CaseEntity } from './case.entity';
import { SLA_STATE_SQL, type SlaState } from './sla-state';

export interface CaseFilter {
  statuses?: CaseStatus[];
  regionCode?: string;
  storeCode?: string;
  channels?: Channel[];
  types?: FeedbackType[];
  category?: string;
  slaStates?: SlaState[];
  receivedFrom?: Date;
  receivedTo?: Date;
  text?: string;
}

export type CaseSortColumn = 'received_at' | 'updated_at' | 'resolution_due_at';

const SORT_COLUMNS: Record<CaseSortColumn, string> = {
  received_at: 'received_at',
  updated_at: 'updated_at',
  resolution_due_at: 'resolution_due_at',
};

/** Turkish-aware folding in SQL (İ->i, I->ı before lower()), applied to both sides of a search. */
const fold = (sql: string) => `lower(translate((${sql})::text, 'İI', 'iı'))`;
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (m) => `\\${m}`);

/** The case list's queries: filters and pages over cases, read-only. */
@Injectable()
export class CaseQueryRepository {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  async page(
    filter: CaseFilter,
    sort: { column: CaseSortColumn; descending: boolean },
    page: { offset: number; limit: number },
    now: Date,
  ): Promise<{ rows: CaseEntity[]; total: number }> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.statuses) where.push(`c.status = ANY(${p(filter.statuses)}::text[])`);
    if (filter.regionCode) where.push(`c.region_code = ${p(filter.regionCode)}`);
    if (filter.storeCode) where.push(`c.store_code = ${p(filter.storeCode.toUpperCase())}`);
    if (filter.channels) where.push(`c.channel = ANY(${p(filter.channels)}::text[])`);
    if (filter.types) where.push(`c.feedback_type = ANY(${p(filter.types)}::text[])`);
    if (filter.category) {
      const code = p(filter.category);
      where.push(`(c.category = ${code} OR c.category LIKE ${code} || '.%')`);
    }
    if (filter.slaStates) {
      const at = p(now.toISOString());
      where.push(
        `(${filter.slaStates.map((s) => SLA_STATE_SQL[s].replaceAll('$now', `${at}::timestamptz`)).join(' OR ')})`,
      );
    }
    if (filter.receivedFrom) where.push(`c.received_at >= ${p(filter.receivedFrom.toISOString())}`);
    if (filter.receivedTo) where.push(`c.received_at < ${p(filter.receivedTo.toISOString())}`);
    if (filter.text) {
      const pattern = p(`%${likeEscape(filter.text)}%`);
      where.push(`(c.reference ILIKE ${pattern} OR EXISTS (
        SELECT 1 FROM messages m WHERE m.case_id = c.id
           AND (${fold('m.body')} LIKE ${fold(pattern)} OR ${fold("coalesce(m.subject, '')")} LIKE ${fold(pattern)})))`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];
    const direction = sort.descending ? 'DESC' : 'ASC';
    const pageSql = `SELECT c.id FROM cases c ${whereSql}
        ORDER BY c.${SORT_COLUMNS[sort.column]} ${direction} NULLS LAST, c.id ${direction}
        LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`;
    // The count and the page are independent reads: asked for together.
    const [[{ total }], ids] = await Promise.all([
      this.cases.query<{ total: string }[]>(
        `SELECT count(*) AS total FROM cases c ${whereSql}`,
        filterParams,
      ),
      this.cases.query<{ id: string }[]>(pageSql, params),
    ]);
    if (ids.length === 0) return { rows: [], total: Number(total) };
    const found = await this.cases.findBy({ id: In(ids.map(({ id }) => id)) });
    const byId = new Map(found.map((c) => [c.id, c]));
    // A case gone between the two reads is left out rather than answered as a hole.
    return { rows: ids.flatMap(({ id }) => byId.get(id) ?? []), total: Number(total) };
  }
}
