import { XException } from '../x.exception';

/**
 * Our user credentials cannot be used (a refresh X refused, a token file that cannot be read):
 * a person must act, so callers treat it like a 401 from X (`needs-auth`), never retry it fast.
 */
export class XAuthException extends XException {
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(code, message, false, options);
  }
}
