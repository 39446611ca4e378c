import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_ACCESS_TOKEN } from './whatsapp-app';

export interface SentText {
  phoneNumberId: string;
  body: Record<string, any>;
  wamid: string;
}

/**
 * A local stand-in for Meta's Graph API, answering in its documented format:
 * - `GET /v23.0/{media-id}` → `{messaging_product, url, mime_type, sha256, file_size, id}`, and
 *   the `url` serves the bytes, both only with the bearer token;
 * - `POST /v23.0/{phone-number-id}/messages` → `{messaging_product, contacts:[{input, wa_id}],
 *   messages:[{id}]}` with a fresh wamid;
 * - a wrong token → 401 with an `OAuthException` (code 190), as Meta answers.
 */
export class FakeGraphServer {
  readonly sent: SentText[] = [];
  readonly mediaRequests: string[] = [];
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private server?: Server;
  /** Meta's answer to the next sends, instead of success (a refusal to test). */
  failNext: { status: number; error: Record<string, unknown> }[] = [];

  get base(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What `WHATSAPP_GRAPH_URL` points at. */
  get graphUrl(): string {
    return `${this.base}/v23.0`;
  }

  /** Media ids the server knows; an unknown id is 404 as on Meta's side. */
  addMedia(id: string, bytes: Buffer, mimeType: string): void {
    this.media.set(id, { bytes, mimeType });
  }

  mediaBytes(id: string): Buffer | undefined {
    return this.media.get(id)?.bytes;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.base);
    if (req.headers.authorization !== `Bearer ${TEST_ACCESS_TOKEN}`) {
      return json(res, 401, {
        error: {
          message: 'Invalid OAuth access token - Cannot parse access token',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: randomBytes(8).toString('hex'),
        },
      });
    }
    const download = /^\/download\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && download) {
      const media = this.media.get(decodeURIComponent(download[1]));
      if (!media) return json(res, 404, { error: { message: 'not found', code: 100 } });
      res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.bytes.length });
      res.end(media.bytes);
      return;
    }
    const messages = /^\/v23\.0\/(\d+)\/messages$/.exec(url.pathname);
    if (req.method === 'POST' && messages) {
      const failure = this.failNext.shift();
      if (failure) return json(res, failure.status, { error: failure.error });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const wamid = `wamid.${randomBytes(24).toString('base64')}`;
      this.sent.push({ phoneNumberId: messages[1], body, wamid });
      return json(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: wamid }],
      });
    }
    const mediaInfo = /^\/v23\.0\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && mediaInfo) {
      const id = decodeURIComponent(mediaInfo[1]);
      this.mediaRequests.push(id);
      const media = this.media.get(id);
      if (!media) {
        return json(res, 404, {
          error: {
            message: `Unsupported get request. Object with ID '${id}' does not exist`,
            type: 'GraphMethodException',
            code: 100,
            error_subcode: 33,
          },
        });
      }
      return json(res, 200, {
        messaging_product: 'whatsapp',
        url: `${this.base}/download/${encodeURIComponent(id)}`,
        mime_type: media.mimeType,
        sha256: createHash('sha256').update(media.bytes).digest('base64'),
        file_size: String(media.bytes.length),
        id,
      });
    }
    json(res, 404, { error: { message: 'Unknown path', code: 100 } });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
