import { GatewayException } from '@app/platform';

/**
 * Core's API did not give what the dashboard needs: `core_unavailable` (no answer in time, or
 * 5xx; retriable), `token_rejected` (401: the token is unknown or revoked), `core_contract`
 * (an answer that does not match the contract).
 */
export class CoreApiException extends GatewayException {
  constructor(code: 'core_unavailable' | 'token_rejected' | 'core_contract', message: string) {
    super(code, message, code === 'core_unavailable');
  }
}
