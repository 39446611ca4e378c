import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AttachmentRef } from '@app/contracts';
import { BLOB_STORE, BlobException, type BlobStore } from '@app/blob-store';
import { GatewayException } from '@app/platform';
import type { TwitterApiReadWrite } from 'twitter-api-v2';
import { XUserCredentials } from '../auth/x-user-credentials';
import { classifyXError } from '../client/x-api-error';
import { X_CLIENT } from '../client/x-client.provider';
import { X_CONFIG, type XConfig } from '../config/x.config';
import type { FetchedMedia } from '../normalize/x-envelopes';
import type { MediaCandidate } from '../normalize/x-message';
import { XException } from '../x.exception';
import { readCapped } from './read-capped';

const CONTENT_TYPES: Record<string, string> = {
  photo: 'image/jpeg',
  video: 'video/mp4',
  animated_gif: 'video/mp4',
};

/** Hosts that serve media only to our own credentials: DM media. */
const PRIVATE_HOSTS = new Set(['ton.twitter.com', 'ton.x.com']);

const DOWNLOAD_TIMEOUT_MS = 30_000;

interface Download {
  bytes: Buffer;
  contentType?: string;
}

/**
 * Brings the photos and videos of mentions and direct messages into the blob store, at most
 * BLOB_MAX_BYTES each. DM media (ton.twitter.com) is private: X serves it only to the account's
 * own credentials. A post's media is public (pbs.twimg.com, video.twimg.com) and fetched without
 * any: our token has no business on a CDN. A medium that cannot be kept never holds the message
 * back: its text reaches core with a note saying what is missing and why.
 */
@Injectable()
export class XMediaFetcher {
  private readonly logger = new Logger(XMediaFetcher.name);
  private readonly apiOrigin: string;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    @Inject(X_CLIENT) private readonly client: TwitterApiReadWrite,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly credentials: XUserCredentials,
  ) {
    this.apiOrigin = new URL(config.apiUrl).origin;
  }

  async fetch(media: readonly MediaCandidate[]): Promise<FetchedMedia> {
    const result: FetchedMedia = { attachments: [], notes: [] };
    for (const candidate of media) {
      if (!candidate.url) {
        result.notes.push(`${candidate.type} ${candidate.key}: X gave no URL to fetch it from`);
        continue;
      }
      try {
        result.attachments.push(await this.keep(candidate, candidate.url));
      } catch (error) {
        const code = this.codeOf(error);
        this.logger.warn({ media: candidate.key, code }, 'X medium not fetched');
        result.notes.push(`${candidate.type} ${candidate.key}: not fetched (${code})`);
      }
    }
    return result;
  }

  private codeOf(error: unknown): string {
    if (error instanceof BlobException && error.code === 'blob_too_large') return 'media_too_large';
    return error instanceof GatewayException ? error.code : classifyXError(error).code;
  }

  private async keep(candidate: MediaCandidate, url: string): Promise<AttachmentRef> {
    const download = this.isPrivate(url) ? await this.privately(url) : await this.publicly(url);
    const stored = await this.blobs.put(download.bytes);
    const filename = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
    return {
      sha256: stored.sha256,
      contentType:
        download.contentType || CONTENT_TYPES[candidate.type] || 'application/octet-stream',
      size: stored.size,
      ...(filename ? { filename: filename.slice(0, 500) } : {}),
    };
  }

  private isPrivate(url: string): boolean {
    const at = new URL(url);
    return PRIVATE_HOSTS.has(at.hostname) || at.origin === this.apiOrigin;
  }

  private async privately(url: string): Promise<Download> {
    if (this.config.credentials.kind === 'oauth2') {
      // A bearer token is a header of ours, so the body can be read with a cap as it comes.
      const token = await this.credentials.accessToken();
      return this.download(url, { authorization: `Bearer ${token}` });
    }
    // OAuth 1.0a signs each request: twitter-api-v2 does that, but reads the whole body; the
    // blob store's limit still refuses what is too large, and X caps DM media itself.
    const response = await this.client.get<Buffer>(url, undefined, {
      prefix: '',
      forceParseMode: 'buffer',
      fullResponse: true,
    });
    const header = response.headers['content-type'];
    return {
      bytes: response.data,
      ...(typeof header === 'string' ? { contentType: header.split(';')[0].trim() } : {}),
    };
  }

  private publicly(url: string): Promise<Download> {
    return this.download(url, {});
  }

  private async download(url: string, headers: Record<string, string>): Promise<Download> {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch {
      throw new XException('media_unreachable', 'the medium could not be downloaded', true);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new XException(`media_http_${response.status}`, `X answered ${response.status}`);
    }
    const bytes = await readCapped(response, this.config.blob.maxBytes);
    const contentType = response.headers.get('content-type')?.split(';')[0].trim();
    return { bytes, ...(contentType ? { contentType } : {}) };
  }
}
