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
