import type { InboundMessageV1Input } from '@app/contracts';
import type { XMediaFetcher } from '../media/media.fetcher';
import type { FetchedMedia } from '../normalize/x-envelopes';
import type { MediaCandidate } from '../normalize/x-message';
import type { IntakeItem } from './x-intake';

/**
 * Intake items for `messages`, in order, each with its media brought into the blob store first:
 * the envelope names the stored blobs.
 */
export async function itemsWithMedia<M extends { media: MediaCandidate[]; raw: unknown }>(
  messages: readonly M[],
  media: XMediaFetcher,
  envelope: (message: M, fetched: FetchedMedia) => InboundMessageV1Input,
): Promise<IntakeItem[]> {
  const items: IntakeItem[] = [];
  for (const message of messages) {
    items.push({ envelope: envelope(message, await media.fetch(message.media)), raw: message.raw });
  }
  return items;
}
