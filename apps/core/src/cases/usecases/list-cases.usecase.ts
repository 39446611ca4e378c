import { Injectable } from '@nestjs/common';
import { CaseQueryRepository, type CaseSortColumn } from '../case-query.repository';
import type { CaseListResponse } from '../dto/case-list.response';
import { toCaseResponse } from '../dto/case.response';
import type { ListCasesQuery } from '../dto/list-cases.query';

const SORT: Record<string, CaseSortColumn> = {
  receivedAt: 'received_at',
  updatedAt: 'updated_at',
  resolutionDueAt: 'resolution_due_at',
};

/** The ops case list. A manager's region replaces any region filter they give. */
@Injectable()
export class ListCases {
  constructor(private readonly queries: CaseQueryRepository) {}

  async execute(query: ListCasesQuery, regionScope: string | null): Promise<CaseListResponse> {
    const now = new Date();
    const descending = query.sort.startsWith('-');
    const { rows, total } = await this.queries.page(
      {
        statuses: query.status,
        regionCode: regionScope ?? query.region,
        storeCode: query.store,
        channels: query.channel,
        types: query.type,
        category: query.category,
        slaStates: query.sla,
        receivedFrom: query.from ? new Date(query.from) : undefined,
        receivedTo: query.to ? new Date(query.to) : undefined,
        text: query.q,
      },
      { column: SORT[query.sort.replace(/^-/, '')], descending },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      now,
    );
    return {
      items: rows.map((row) => toCaseResponse(row, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
