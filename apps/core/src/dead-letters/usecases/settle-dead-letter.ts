import type { EntityManager } from 'typeorm';
import { DeadLetterException, deadLetterNotFound, letterId } from '../dead-letter.exception';
import type {
  DeadLetterRepository,
  DeadLetterStatus,
  StoredDeadLetter,
} from '../dead-letter.repository';
import { toDeadLetterResponse, type DeadLetterResponse } from '../dto/dead-letter.response';

/** The letter a person replays or discards, locked: only a waiting one can be. */
export async function lockWaitingLetter(
  letters: DeadLetterRepository,
  em: EntityManager,
  id: string,
): Promise<StoredDeadLetter> {
  const letter = await letters.find(em, letterId(id), true);
  if (!letter) throw deadLetterNotFound();
  if (letter.status !== 'waiting')
    throw new DeadLetterException('dead_letter_not_waiting', `the letter is ${letter.status}`);
  return letter;
}

/** Moves the letter on, audits who did it, and answers it as it now stands. */
export async function settleLetter(
  letters: DeadLetterRepository,
  em: EntityManager,
  change: { id: string; status: DeadLetterStatus; actor: string; details: Record<string, unknown> },
): Promise<DeadLetterResponse> {
  const updated = await letters.setStatus(em, change.id, change.status);
  await letters.audit(em, change.id, change.actor, change.status, change.details);
  return toDeadLetterResponse(updated, await letters.auditOf(em, change.id));
}
