import { z } from 'zod';
import { GatewayException } from '@app/platform';

export class DeadLetterException extends GatewayException {
  constructor(
    code: 'dead_letter_not_found' | 'dead_letter_not_waiting' | 'dead_letter_not_replayable',
    message: string,
    retriable = false,
  ) {
    super(code, message, retriable);
  }
}

export function deadLetterNotFound(): DeadLetterException {
  return new DeadLetterException('dead_letter_not_found', 'no dead letter has this id');
}

/** A letter's id from the URL: anything but a UUID cannot be one. */
export function letterId(id: string): string {
  if (!z.uuid().safeParse(id).success) throw deadLetterNotFound();
  return id;
}
