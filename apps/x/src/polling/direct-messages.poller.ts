import { Inject, Injectable, Logger } from '@nestjs/common';
import { CheckpointRepository } from '@app/adapter-kit';
import type { TwitterApiReadWrite } from 'twitter-api-v2';
import { X_CLIENT } from '../client/x-client.provider';
import { X_CONFIG, type XConfig } from '../config/x.config';
import { itemsWithMedia } from '../intake/items-with-media';
import { XIntake } from '../intake/x-intake';
import { XMediaFetcher } from '../media/media.fetcher';
import { DM_QUERY, directMessageFromApi, type DmEventsQuery } from '../normalize/from-api-v2';
import { directMessageEnvelope } from '../normalize/x-envelopes';
import { compareIds } from '../normalize/x-message';
import type { EndpointPoller, PollStep } from './endpoint-poller';
import { readScanPage, SCAN_RESTARTED } from './scan-page';

/**
 * Where the DM list got to. `GET /2/dm_events` has no since_id: it lists the last 30 days, newest
 * first, so a poll reads pages until it meets `lastEventId`, the newest event Kafka has from a
 * finished scan. `scan` is a scan under way, as for mentions.
 */
export interface DmCheckpoint {
  lastEventId?: string;
  scan?: { newestId: string; nextToken: string };
}

/** `GET /2/dm_events`, with the senders and media expanded. */
@Injectable()
export class DirectMessagesPoller implements EndpointPoller {
  readonly part = 'dm' as const;
  readonly intervalMs: number;
  private readonly logger = new Logger(DirectMessagesPoller.name);
  private readonly key: string;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    @Inject(X_CLIENT) private readonly client: TwitterApiReadWrite,
    private readonly checkpoints: CheckpointRepository,
    private readonly intake: XIntake,
    private readonly media: XMediaFetcher,
  ) {
    this.intervalMs = config.polling.dmIntervalMs;
    this.key = `x:${config.userId}:dm`;
  }

  async step(): Promise<PollStep> {
    const checkpoint = (await this.checkpoints.get<DmCheckpoint>(this.key)) ?? {};
    const query: DmEventsQuery = {
      ...DM_QUERY,
      max_results: this.config.polling.pageSize,
      ...(checkpoint.scan ? { pagination_token: checkpoint.scan.nextToken } : {}),
    };
    const page = await readScanPage(
      () => this.client.v2.listDmEvents(query),
      checkpoint.scan &&
        (() =>
          this.checkpoints.set<DmCheckpoint>(this.key, { lastEventId: checkpoint.lastEventId })),
      this.logger,
      'DM',
    );
    if (page === SCAN_RESTARTED) return { more: true };
    const known = checkpoint.lastEventId;
    const events = [...page.events].sort((a, b) => compareIds(a.id, b.id));
    const fresh = known ? events.filter((e) => compareIds(e.id, known) > 0) : events;
    const reachedKnown = fresh.length < events.length;
    const context = { account: this.config.userId, receivedAt: new Date() };
    const dms = fresh.flatMap(
      (event) =>
        directMessageFromApi(event, page.includes.users, page.includes.media, context.account) ??
        [],
    );
    const items = await itemsWithMedia(dms, this.media, (dm, media) =>
      directMessageEnvelope(dm, media, context),
    );
    if (items.length > 0) await this.intake.publish(items);
    const newestFresh = fresh[fresh.length - 1]?.id;
    const newestId = checkpoint.scan?.newestId ?? newestFresh;
    const nextToken = page.meta?.next_token;
    if (!reachedKnown && nextToken && events.length > 0 && newestId) {
      await this.checkpoints.set<DmCheckpoint>(this.key, {
        ...(known ? { lastEventId: known } : {}),
        scan: { newestId, nextToken },
      });
      return { more: true, rateLimit: page.rateLimit };
    }
    if (newestId && newestId !== known) {
      await this.checkpoints.set<DmCheckpoint>(this.key, { lastEventId: newestId });
    }
    return { more: false, rateLimit: page.rateLimit };
  }
}
