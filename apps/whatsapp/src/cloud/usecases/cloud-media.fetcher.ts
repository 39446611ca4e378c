import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { BlobException } from '@app/blob-store';
import type { AttachmentRef } from '@app/contracts';
import { WHATSAPP_CONFIG, type WhatsAppConfig } from '../../config/whatsapp.config';
import type { CloudAccount } from '../../config/whatsapp-accounts';
import type { InboundDraft, Metadata } from '../../inbound/inbound-draft';
import { MediaStore } from '../../inbound/media-store';
import { WhatsAppException } from '../../whatsapp.exception';
import { GraphApiClient, GraphApiException } from '../graph/graph-api.client';

/**
 * Media of a Cloud API message into the blob store, while the webhook waits: Meta keeps the
 * delivery until we answer 200, so a failure that may pass (Graph API down, token rejected, disk
 * trouble) is a 503 and Meta delivers again later; nothing is published half. Only a failure that
 * cannot pass (media deleted, too large) lets the message through without it, with a note.
 */
@Injectable()
export class CloudMediaFetcher {
  private readonly logger = new Logger(CloudMediaFetcher.name);

  constructor(
    @Inject(WHATSAPP_CONFIG) private readonly config: WhatsAppConfig,
    private readonly graph: GraphApiClient,
    private readonly media: MediaStore,
    private readonly health: ChannelHealthReporter,
  ) {}

  async fetch(
    account: CloudAccount,
    draft: InboundDraft,
  ): Promise<{ attachments: AttachmentRef[]; metadata: Metadata }> {
    const mediaId = draft.media?.mediaId;
    if (!mediaId) return { attachments: [], metadata: {} };
    try {
      const { bytes, mimeType } = await this.graph.downloadMedia(
        account,
        mediaId,
        this.config.blob.maxBytes,
      );
      const ref = await this.media.store(
        bytes,
        draft.media?.mimeType ?? mimeType,
        draft.media?.filename,
      );
      return { attachments: [ref], metadata: {} };
    } catch (error) {
      const code =
        error instanceof WhatsAppException || error instanceof BlobException
          ? error.code
          : 'media_failed';
      const permanent =
        (error instanceof GraphApiException && !error.retriable) ||
        (error instanceof BlobException && error.code === 'blob_too_large');
      this.logger.warn({ account: account.id, mediaId, code, permanent }, 'media not fetched');
      if (permanent) {
        return {
          attachments: [],
          metadata: {
            mediaError: code === 'blob_too_large' ? 'media_too_large' : code,
            mediaNote: 'Medya alınamadı; müşteriden tekrar göndermesi istenebilir.',
          },
        };
      }
      this.health.failed(account.id, {
        code:
          error instanceof GraphApiException && error.authProblem ? 'graph_token_rejected' : code,
        message: 'a media download failed; Meta will deliver the message again',
      });
      throw new WhatsAppException(
        'media_unavailable',
        `media ${mediaId} could not be fetched (${code})`,
        true,
      );
    }
  }
}
