import { Injectable } from '@nestjs/common';
import type { CaseEventOf } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { SurveyRepository } from '../survey.repository';

/** A reply that is only a score ("4", "4.", " 5 ") */
const SCORE = /^\s*([1-5])\s*[.!]?\s*$/;

/**
 * A customer answering the survey by replying with a digit from 1 to 5 on their channel: recorded
 * as the score when their survey is still open. Anything longer is a message for the team.
 */
@Injectable()
export class RecordReplyScore {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly history: CaseHistoryRepository,
  ) {}

  async execute(em: EntityManager, event: CaseEventOf<'case.message_attached'>): Promise<void> {
    const state = await this.surveys.stateOf(em, event.caseId);
    if (!state || state.answeredAt) return;
    const [message]: { body: string; received_at: Date }[] = await em.query(
      `SELECT body, received_at FROM messages WHERE id = $1 AND case_id = $2`,
      [event.data.messageId, event.caseId],
    );
    const match = message ? SCORE.exec(message.body) : null;
    if (!match || message.received_at < state.requestedAt) return;
    const score = Number(match[1]);
    const at = new Date(event.occurredAt);
    if (!(await this.surveys.answer(em, event.caseId, { score, comment: null, via: 'reply', at })))
      return;
    await this.history.append(em, [
      {
        caseId: event.caseId,
        at,
        kind: 'survey_answered',
        actor: 'customer',
        details: { score, via: 'reply', messageId: event.data.messageId },
      },
    ]);
  }
}
