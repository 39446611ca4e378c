import type { CaseResponse } from './case.response';

export interface CaseListResponse {
  items: CaseResponse[];
  page: number;
  pageSize: number;
  total: number;
}
