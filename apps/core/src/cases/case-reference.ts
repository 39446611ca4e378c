import { parseReference } from '@app/contracts';
import { CoreException } from '../core.exception';

/**
 * The reference number as typed by a person, checked: a malformed one or one with a wrong check
 * digit is a 400; a well-formed number of another organisation is simply not one of ours (null).
 */
export function ownReference(input: string, prefix: string): string | null {
  const parsed = parseReference(input);
  if (!parsed.ok) {
    throw parsed.error === 'malformed'
      ? new CoreException(
          'reference_malformed',
          'not a reference number (PREFIX-YYYY-NNNNNN-C)',
          false,
        )
      : new CoreException('reference_check_digit', 'the reference number has a wrong digit', false);
  }
  return parsed.value.prefix === prefix ? parsed.value.text : null;
}

export function caseNotFound(): CoreException {
  return new CoreException('case_not_found', 'no case has this reference number', false);
}
