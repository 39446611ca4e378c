import { Inject, Injectable } from '@nestjs/common';
import { WHATSAPP_CONFIG, type WhatsAppConfig } from '../../config/whatsapp.config';
import type { CloudAccount } from '../../config/whatsapp-accounts';
import { WhatsAppException } from '../../whatsapp.exception';
import { isAuthMetaError, isRetriableMetaError } from './meta-errors';

/** A refusal or failure of the Graph API, with what Meta said about it. */
export class GraphApiException extends WhatsAppException {
  constructor(
    code: string,
    message: string,
    retriable: boolean,
    readonly httpStatus?: number,
    readonly metaCode?: number,
    readonly metaTitle?: string,
  ) {
    super(code, message, retriable);
  }

  get authProblem(): boolean {
    return this.httpStatus !== undefined && isAuthMetaError(this.httpStatus, this.metaCode);
  }
}

interface GraphErrorBody {
  error?: { code?: number; message?: string; error_data?: { details?: string } };
}

/**
 * The two things the adapter asks of Meta's Graph API: media (`GET /{media-id}` for a short-lived
 * URL, then that URL with the same bearer token) and sending (`POST /{phone-number-id}/messages`).
 * The base URL comes from configuration, so tests point it at a local server.
 */
@Injectable()
export class GraphApiClient {
  constructor(@Inject(WHATSAPP_CONFIG) private readonly config: WhatsAppConfig) {}

  async downloadMedia(
    account: CloudAccount,
    mediaId: string,
    maxBytes: number,
  ): Promise<{ bytes: Buffer; mimeType?: string }> {
    const metaUrl = `${this.config.graphUrl}/${encodeURIComponent(mediaId)}?phone_number_id=${account.phoneNumberId}`;
    const meta = (await this.json(await this.request(account, metaUrl))) as {
      url?: string;
      mime_type?: string;
      file_size?: number | string;
    };
    if (!meta.url)
      throw new GraphApiException('media_not_found', 'Graph API gave no media URL', false);
    if (Number(meta.file_size) > maxBytes) {
      throw new GraphApiException(
        'media_too_large',
        `media of ${meta.file_size} bytes exceeds the limit`,
        false,
      );
    }
    const response = await this.request(account, meta.url);
    if (!response.ok) await this.fail(response);
    return { bytes: await readCapped(response, maxBytes), mimeType: meta.mime_type };
  }

  /** Sends a text; returns the wamid Meta gave it, which its statuses will name. */
  async sendText(account: CloudAccount, to: string, text: string): Promise<string> {
    const response = await this.request(
      account,
      `${this.config.graphUrl}/${account.phoneNumberId}/messages`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to,
          type: 'text',
          text: { preview_url: false, body: text },
        }),
      },
    );
    const sent = (await this.json(response)) as { messages?: { id?: string }[] };
    const id = sent.messages?.[0]?.id;
    if (!id)
      throw new GraphApiException(
        'graph_unexpected',
        'Graph API answered without a message id',
        true,
      );
    return id;
  }

  private async request(
    account: CloudAccount,
    url: string,
    init: RequestInit = {},
  ): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${account.accessToken}` },
        signal: AbortSignal.timeout(this.config.graphTimeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      throw new GraphApiException(
        'graph_unreachable',
        `Graph API request failed: ${(error as Error).name}`,
        true,
      );
    }
  }

  private async json(response: Response): Promise<unknown> {
    if (!response.ok) await this.fail(response);
    try {
      return await response.json();
    } catch {
      throw new GraphApiException(
        'graph_unexpected',
        'Graph API answered with something not JSON',
        true,
      );
    }
  }

  private async fail(response: Response): Promise<never> {
    const body = (await response.json().catch(() => ({}))) as GraphErrorBody;
    const metaCode = typeof body.error?.code === 'number' ? body.error.code : undefined;
    const retriable = isRetriableMetaError(response.status, metaCode);
    throw new GraphApiException(
      response.status === 404 ? 'media_not_found' : 'graph_error',
      `Graph API answered ${response.status}${metaCode !== undefined ? ` (Meta error ${metaCode})` : ''}`,
      retriable,
      response.status,
      metaCode,
      body.error?.message,
    );
  }
}

/** Reads a body, refusing at once when it grows past `maxBytes` rather than buffering it all. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new GraphApiException(
      'media_too_large',
      `media of ${declared} bytes exceeds the limit`,
      false,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const body = (response.body ?? []) as AsyncIterable<Uint8Array>;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new GraphApiException('media_too_large', `media exceeds ${maxBytes} bytes`, false);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof GraphApiException) throw error;
    throw new GraphApiException('graph_unreachable', 'media download was interrupted', true);
  }
  return Buffer.concat(chunks);
}
