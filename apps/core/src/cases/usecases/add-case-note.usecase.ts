import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseNoteRepository } from '../case-note.repository';
import type { AddNoteRequest } from '../dto/add-note.request';
import { toNoteResponse, type NoteResponse } from '../dto/timeline.response';
import { GetCaseByReference } from './get-case-by-reference.usecase';

/**
 * Adds an internal note. Notes live apart from case_history (which the customer's tracking
 * timeline reads) and raise no event, so nothing of them can reach the customer.
 */
@Injectable()
export class AddCaseNote {
  constructor(
    private readonly getCase: GetCaseByReference,
    private readonly notes: CaseNoteRepository,
  ) {}

  async execute(
    reference: string,
    request: AddNoteRequest,
    author: string,
    regionScope: string | null,
  ): Promise<NoteResponse> {
    const found = await this.getCase.find(reference, regionScope);
    const note = { id: randomUUID(), caseId: found.id, at: new Date(), author, text: request.text };
    await this.notes.insert(note);
    return toNoteResponse(note);
  }
}
