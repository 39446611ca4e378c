import { Injectable } from '@nestjs/common';
import type { CaseEventOf, CaseEventV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { SurveyRepository } from '../survey.repository';

/** A reply that is only a score ("4", "4.", " 5 ") */
const SCORE = /^\s*([1-5])\s*[.!]?\s*$/;

/** The attached messages of a batch that are a bare score, by message id. */
export type ReplyScores = ReadonlyMap<string, { score: number; receivedAt: Date }>;

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

  /**
   * The batch's attached messages read at once: every customer reply to a case is an event here,
   * and almost none is a score, so the survey is looked up only for those that are.
   */
  async scoresIn(em: EntityManager, events: readonly CaseEventV1[]): Promise<ReplyScores> {
    const attached = events.flatMap((e) =>
      e.type === 'case.message_attached' ? [{ messageId: e.data.messageId, caseId: e.caseId }] : [],
    );
    const scores = new Map<string, { score: number; receivedAt: Date }>();
    for (const reply of await this.surveys.scoreCandidates(em, attached)) {
      const match = SCORE.exec(reply.body);
      if (match)
        scores.set(reply.messageId, { score: Number(match[1]), receivedAt: reply.receivedAt });
    }
    return scores;
  }

  async execute(
    em: EntityManager,
    event: CaseEventOf<'case.message_attached'>,
    scores: ReplyScores,
  ): Promise<void> {
    const reply = scores.get(event.data.messageId);
    if (!reply) return;
    const state = await this.surveys.stateOf(em, event.caseId);
    if (!state || state.answeredAt || reply.receivedAt < state.requestedAt) return;
    const { score } = reply;
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
