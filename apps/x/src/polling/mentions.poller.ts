import { Inject, Injectable, Logger } from '@nestjs/common';
import { CheckpointRepository } from '@app/adapter-kit';
import type { TweetV2PaginableTimelineParams, TwitterApiReadWrite } from 'twitter-api-v2';
import { X_CLIENT } from '../client/x-client.provider';
import { X_CONFIG, type XConfig } from '../config/x.config';
import { itemsWithMedia } from '../intake/items-with-media';
import { XIntake } from '../intake/x-intake';
import { XMediaFetcher } from '../media/media.fetcher';
import { MENTION_QUERY, mentionFromApi } from '../normalize/from-api-v2';
import { mentionEnvelope } from '../normalize/x-envelopes';
import { compareIds } from '../normalize/x-message';
import type { EndpointPoller, PollStep } from './endpoint-poller';
import { readScanPage, SCAN_RESTARTED } from './scan-page';

/**
 * Where the mention timeline got to: `sinceId` is the newest mention Kafka has from a finished
 * scan; `scan` is a scan under way (X pages from the newest down to since_id), so a restart goes
 * on from the page after the last one published instead of reading the scan again.
 */
export interface MentionsCheckpoint {
  sinceId?: string;
  scan?: { newestId: string; nextToken: string };
}

function newest(...ids: (string | undefined)[]): string | undefined {
  return ids
    .filter((id): id is string => id !== undefined)
    .reduce<string | undefined>(
      (a, b) => (a === undefined || compareIds(b, a) > 0 ? b : a),
      undefined,
    );
}

/** `GET /2/users/:id/mentions` with since_id and pagination. */
@Injectable()
export class MentionsPoller implements EndpointPoller {
  readonly part = 'mentions' as const;
  readonly intervalMs: number;
  private readonly logger = new Logger(MentionsPoller.name);
  private readonly key: string;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    @Inject(X_CLIENT) private readonly client: TwitterApiReadWrite,
    private readonly checkpoints: CheckpointRepository,
    private readonly intake: XIntake,
    private readonly media: XMediaFetcher,
  ) {
    this.intervalMs = config.polling.mentionsIntervalMs;
    this.key = `x:${config.userId}:mentions`;
  }

  async step(): Promise<PollStep> {
    const checkpoint = (await this.checkpoints.get<MentionsCheckpoint>(this.key)) ?? {};
    const query: Partial<TweetV2PaginableTimelineParams> = {
      ...MENTION_QUERY,
      max_results: this.config.polling.pageSize,
      ...(checkpoint.sinceId ? { since_id: checkpoint.sinceId } : {}),
      ...(checkpoint.scan ? { pagination_token: checkpoint.scan.nextToken } : {}),
    };
    const page = await readScanPage(
      () => this.client.v2.userMentionTimeline(this.config.userId, query),
      checkpoint.scan &&
        (() => this.checkpoints.set<MentionsCheckpoint>(this.key, { sinceId: checkpoint.sinceId })),
      this.logger,
      'mention',
    );
    if (page === SCAN_RESTARTED) return { more: true };
    if (page.errors.length > 0)
      this.logger.warn({ errors: page.errors.length }, 'mentions page with partial errors');
    const tweets = [...page.tweets].sort((a, b) => compareIds(a.id, b.id));
    const context = { account: this.config.userId, receivedAt: new Date() };
    const mentions = tweets.flatMap(
      (tweet) =>
        mentionFromApi(tweet, page.includes.users, page.includes.media, context.account) ?? [],
    );
    const items = await itemsWithMedia(mentions, this.media, (mention, media) =>
      mentionEnvelope(mention, media, context),
    );
    if (items.length > 0) await this.intake.publish(items);
    const meta = page.meta ?? { result_count: 0 };
    const newestId = newest(checkpoint.scan?.newestId, meta.newest_id, ...tweets.map((t) => t.id));
    if (meta.next_token && tweets.length > 0 && newestId) {
      await this.checkpoints.set<MentionsCheckpoint>(this.key, {
        ...(checkpoint.sinceId ? { sinceId: checkpoint.sinceId } : {}),
        scan: { newestId, nextToken: meta.next_token },
      });
      return { more: true, rateLimit: page.rateLimit };
    }
    if (newestId && newestId !== checkpoint.sinceId) {
      await this.checkpoints.set<MentionsCheckpoint>(this.key, { sinceId: newestId });
    } else if (checkpoint.scan) {
      await this.checkpoints.set<MentionsCheckpoint>(this.key, { sinceId: checkpoint.sinceId });
    }
    return { more: false, rateLimit: page.rateLimit };
  }
}
