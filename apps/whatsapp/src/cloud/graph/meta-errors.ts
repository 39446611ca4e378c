import type { ReceiptStatus } from '@app/contracts';

/** Meta's "re-engagement" error: the 24-hour customer service window is closed. */
export const META_OUTSIDE_WINDOW = 131047;

/** Meta error codes worth trying again later: throttling, rate limits, temporary trouble. */
const RETRIABLE_META_CODES = new Set([
  1, 2, 4, 17, 32, 613, 80007, 130429, 131000, 131016, 131048, 131056,
]);

/** Token expired or revoked: an ops problem, fixed by configuration, after which retries work. */
const AUTH_META_CODES = new Set([190, 10, 200]);

export function isAuthMetaError(httpStatus: number, code?: number): boolean {
  return httpStatus === 401 || (code !== undefined && AUTH_META_CODES.has(code));
}

export function isRetriableMetaError(httpStatus: number, code?: number): boolean {
  if (isAuthMetaError(httpStatus, code)) return true;
  if (code !== undefined && RETRIABLE_META_CODES.has(code)) return true;
  return httpStatus === 429 || httpStatus >= 500;
}

/**
 * The error of a failed receipt: a clear code for the refusals ops act on, Meta's own code
 * otherwise. Meta's titles name no person, so they can go on the case.
 */
export function receiptError(
  code: number | string | undefined,
  title: string | undefined,
): { code: string; message: string } {
  if (Number(code) === META_OUTSIDE_WINDOW) {
    return {
      code: 'outside_service_window',
      message:
        'The customer last wrote more than 24 hours ago: WhatsApp delivers only an approved template now (Meta error 131047).',
    };
  }
  return {
    code: code === undefined ? 'meta_unknown' : `meta_${code}`,
    message: (title ?? 'WhatsApp refused the message').slice(0, 2000),
  };
}

/** Cloud API message statuses as receipts; `deleted` and anything new are not receipts. */
export function receiptStatusOf(status: string): ReceiptStatus | undefined {
  switch (status) {
    case 'sent':
    case 'delivered':
    case 'read':
    case 'failed':
      return status;
    case 'played':
      return 'read';
    default:
      return undefined;
  }
}
