import type { Logger } from '@nestjs/common';
import { classifyXError } from '../client/x-api-error';

/** What `readScanPage` answers instead of a page when it restarted the scan. */
export const SCAN_RESTARTED = Symbol('scan restarted');

/**
 * Reads one page of an endpoint. X rejecting the request (a 4xx other than auth and rate limits)
 * while a scan is under way means a pagination token it no longer takes: `restart` puts the
 * checkpoint back to where the scan began, so the next step reads the scan again. What was
 * already published comes again, and core recognises it. Without a scan, or for any other
 * failure, the error goes to the endpoint loop.
 */
export async function readScanPage<P>(
  fetch: () => Promise<P>,
  restart: (() => Promise<void>) | undefined,
  logger: Logger,
  what: string,
): Promise<P | typeof SCAN_RESTARTED> {
  try {
    return await fetch();
  } catch (error) {
    if (!restart) throw error;
    const failure = classifyXError(error);
    if (failure.kind !== 'rejected') throw error;
    logger.warn({ code: failure.code }, `${what} scan restarted`);
    await restart();
    return SCAN_RESTARTED;
  }
}
