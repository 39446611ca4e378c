import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseHistoryRepository } from '../case-history.repository';
import { CaseNoteRepository } from '../case-note.repository';
import { toTimelineResponse, type TimelineResponse } from '../dto/timeline.response';
import { GetCaseByReference } from './get-case-by-reference.usecase';

/** Everything that happened to a case, with ops' internal notes, for the ops view. */
@Injectable()
export class GetCaseTimeline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly getCase: GetCaseByReference,
    private readonly history: CaseHistoryRepository,
    private readonly notes: CaseNoteRepository,
  ) {}

  async execute(reference: string, regionScope: string | null): Promise<TimelineResponse> {
    const found = await this.getCase.find(reference, regionScope);
    const [history, notes] = await Promise.all([
      this.history.listForCase(found.id, this.dataSource.manager),
      this.notes.listForCase(found.id),
    ]);
    return toTimelineResponse(found.reference, history, notes);
  }
}
