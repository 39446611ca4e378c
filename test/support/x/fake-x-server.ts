import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { byIdDescending, FakeXData, nextId, type FakeUser } from './fake-x-data';
import { FakeXOAuth2 } from './fake-x-oauth2';
import { corpusJson } from './x-corpus';

export type Endpoint =
  | 'mentions'
  | 'dm_events'
  | 'send_dm'
  | 'tweet'
  | 'media'
  | 'oauth2_token'
  | 'public_media'
  | 'other';

/** An answer a test scripts for the next call of an endpoint instead of the normal one. */
export type ScriptedAnswer =
  | { status: number; body?: unknown; rateLimit?: { remaining: number; reset: number } }
  | { hang: true }
  /** Answer this call normally (to script the calls after it). */
  | { pass: true };

export interface RecordedRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The oauth_token of an OAuth 1.0a header, or the bearer token: who asked. */
  token?: string;
  at: number;
}

export interface RateWindow {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
}

const PROBLEM_INVALID = corpusJson('error-invalid-request.json');

function endpointOf(method: string, path: string): Endpoint {
  if (method === 'GET' && /^\/2\/users\/\d+\/mentions$/.test(path)) return 'mentions';
  if (method === 'GET' && path === '/2/dm_events') return 'dm_events';
  if (method === 'POST' && /^\/2\/dm_conversations\/with\/\d+\/messages$/.test(path))
    return 'send_dm';
  if (method === 'POST' && path === '/2/tweets') return 'tweet';
  if (method === 'GET' && path.startsWith('/media/')) return 'media';
  if (method === 'POST' && path === '/2/oauth2/token') return 'oauth2_token';
  return 'other';
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return /oauth_token="([^"]+)"/.exec(header)?.[1] ?? /^Bearer (\S+)$/.exec(header)?.[1];
}

function encodeToken(offset: number): string {
  return Buffer.from(`page:${offset}`).toString('base64url');
}

function decodeToken(token: string): number | undefined {
  const match = /^page:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * A local HTTP server that answers like the X API v2 for what the adapter uses: the mention
 * timeline (since_id, max_results, pagination tokens), DM events with expansions, DM media, sending
 * DMs and posting replies. Every answer carries x-rate-limit-* headers from a per-endpoint window;
 * tests script 429s, 401/403s, broken pages or hanging calls, and read back every request and
 * everything the adapter sent.
 */
export class FakeXServer {
  readonly data: FakeXData;
  readonly requests: RecordedRequest[] = [];
  readonly sentDms: { participantId: string; text: string; eventId: string; token?: string }[] = [];
  readonly posts: { id: string; text: string; inReplyTo?: string; body: unknown }[] = [];
  readonly windows = new Map<Endpoint, RateWindow>();
  private readonly scripts = new Map<Endpoint, ScriptedAnswer[]>();
  private readonly hanging = new Set<ServerResponse>();
  private server!: Server;
  private cdn!: Server;
  url = '';
  /** Where public media (pbs.twimg.com, video.twimg.com) is served: no authentication. */
  cdnUrl = '';
  /** Set by `useOAuth2`: from then on only bearer tokens it issued are taken. */
  oauth2?: FakeXOAuth2;

  private constructor(accountId: string) {
    this.data = new FakeXData(accountId);
  }

  static async start(accountId: string): Promise<FakeXServer> {
    const fake = new FakeXServer(accountId);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    fake.cdn = createServer((req, res) => fake.publicMedia(req, res));
    await new Promise<void>((resolve) => fake.cdn.listen(0, '127.0.0.1', resolve));
    fake.cdnUrl = `http://127.0.0.1:${(fake.cdn.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    this.cdn.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise<void>((resolve) => this.cdn.close(() => resolve()));
  }

  /** The next calls of `endpoint` get these answers, in order. */
  script(endpoint: Endpoint, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(endpoint, [...(this.scripts.get(endpoint) ?? []), ...answers]);
  }

  /** Releases calls left hanging, and drops scripted answers not used yet. */
  unscript(endpoint: Endpoint): void {
    this.scripts.delete(endpoint);
  }

  callsTo(endpoint: Endpoint): RecordedRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint);
  }

  /** Serves `bytes` as a DM medium and returns the media object to attach. */
  serveMedia(key: string, type: string, bytes: Buffer, contentType: string) {
    return this.data.addMedia({
      media_key: key,
      type,
      bytes,
      contentType,
      url: `${this.url}/media/${key}.jpg`,
    });
  }

  /** Serves `bytes` from the public CDN, as a post's medium, and returns its media object. */
  servePublicMedia(key: string, type: string, bytes: Buffer, contentType: string) {
    return this.data.addMedia({
      media_key: key,
      type,
      bytes,
      contentType,
      url: `${this.cdnUrl}/media/${key}.jpg`,
    });
  }

  /** OAuth 2.0 user context: the app's client, and only tokens issued by it are accepted. */
  useOAuth2(clientId: string, clientSecret: string): FakeXOAuth2 {
    this.oauth2 = new FakeXOAuth2(clientId, clientSecret);
    return this.oauth2;
  }

  user(username: string, name: string): FakeUser {
    return this.data.addUser({ username, name });
  }

  private window(endpoint: Endpoint): RateWindow {
    let window = this.windows.get(endpoint);
    if (!window || window.reset * 1000 < Date.now()) {
      // The documented example window (rate-limit-headers.txt): 900 a window, 15 minutes.
      window = { limit: 900, remaining: 900, reset: Math.floor(Date.now() / 1000) + 900 };
      this.windows.set(endpoint, window);
    }
    return window;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const endpoint = endpointOf(req.method ?? 'GET', url.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const json = req.headers['content-type']?.startsWith('application/json') ?? false;
    const body = json && raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined;
    this.requests.push({
      endpoint,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      token: tokenOf(req),
      at: Date.now(),
    });
    const window = this.window(endpoint);
    window.remaining = Math.max(0, window.remaining - 1);
    const scripted = this.scripts.get(endpoint)?.shift();
    if (scripted && 'hang' in scripted) {
      this.hanging.add(res);
      return;
    }
    if (scripted && !('pass' in scripted)) {
      const limits = scripted.rateLimit ? { ...window, ...scripted.rateLimit } : window;
      return this.send(res, scripted.status, scripted.body, limits);
    }
    if (endpoint === 'oauth2_token' && this.oauth2) {
      const answer = this.oauth2.token(req.headers['content-type'], req.headers.authorization, raw);
      return this.send(res, answer.status, answer.body, window);
    }
    const refused =
      this.oauth2 &&
      !this.oauth2.accepts(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]);
    if (!req.headers.authorization || refused)
      return this.send(
        res,
        401,
        { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
        window,
      );
    switch (endpoint) {
      case 'mentions':
        return this.mentions(res, url, window);
      case 'dm_events':
        return this.dmEvents(res, url, window);
      case 'send_dm':
        return this.sendDm(res, url, body, req, window);
      case 'tweet':
        return this.tweet(res, body, window);
      case 'media':
        return this.mediaFile(res, url);
      default:
        return this.send(
          res,
          404,
          { title: 'Not Found Error', type: 'about:blank', status: 404 },
          window,
        );
    }
  }

  private send(res: ServerResponse, status: number, body: unknown, limits: RateWindow): void {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': String(limits.limit),
      'x-rate-limit-remaining': String(limits.remaining),
      'x-rate-limit-reset': String(limits.reset),
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private page<T extends { id: string }>(
    res: ServerResponse,
    url: URL,
    window: RateWindow,
    all: T[],
    maxResults: { min: number; max: number; fallback: number },
  ): { items: T[]; next?: string } | undefined {
    const asked = Number(url.searchParams.get('max_results') ?? maxResults.fallback);
    if (!(asked >= maxResults.min && asked <= maxResults.max)) {
      this.send(
        res,
        400,
        { ...PROBLEM_INVALID, detail: `max_results must be ${maxResults.min}-${maxResults.max}` },
        window,
      );
      return undefined;
    }
    const token = url.searchParams.get('pagination_token');
    const offset = token === null ? 0 : decodeToken(token);
    if (offset === undefined) {
      this.send(
        res,
        400,
        {
          ...PROBLEM_INVALID,
          detail: 'The `pagination_token` query parameter value is not valid.',
        },
        window,
      );
      return undefined;
    }
    const items = all.slice(offset, offset + asked);
    return { items, ...(offset + asked < all.length ? { next: encodeToken(offset + asked) } : {}) };
  }

  private meta<T extends { id: string }>(items: T[], next?: string) {
    return items.length === 0
      ? { result_count: 0 }
      : {
          newest_id: items[0].id,
          oldest_id: items[items.length - 1].id,
          result_count: items.length,
          ...(next ? { next_token: next } : {}),
        };
  }

  private mentions(res: ServerResponse, url: URL, window: RateWindow): void {
    const since = url.searchParams.get('since_id');
    const all = byIdDescending(this.data.mentions).filter(
      (t) => !since || BigInt(t.id) > BigInt(since),
    );
    const page = this.page(res, url, window, all, { min: 5, max: 100, fallback: 10 });
    if (!page) return;
    const users = [...new Set(page.items.map((t) => t.author_id))].flatMap((id) => {
      const user = this.data.users.get(id);
      return user ? [user] : [];
    });
    const media = this.expandedMedia(url, page.items);
    this.send(
      res,
      200,
      {
        ...(page.items.length
          ? { data: page.items, includes: { users, ...(media.length ? { media } : {}) } }
          : {}),
        meta: this.meta(page.items, page.next),
      },
      window,
    );
  }

  /** As X: media objects only with `expansions=attachments.media_keys`, fields as asked. */
  private expandedMedia(url: URL, items: readonly Record<string, unknown>[]) {
    if (!url.searchParams.get('expansions')?.split(',').includes('attachments.media_keys'))
      return [];
    const fields = url.searchParams.get('media.fields')?.split(',') ?? [];
    return items
      .flatMap((i) => (i.attachments as { media_keys?: string[] } | undefined)?.media_keys ?? [])
      .flatMap((key) => {
        const found = this.data.media.get(key);
        if (!found) return [];
        return [
          {
            media_key: found.media_key,
            type: found.type,
            ...(found.url && fields.includes('url') && found.type === 'photo'
              ? { url: found.url }
              : {}),
            ...(found.url && fields.includes('variants') && found.type !== 'photo'
              ? { variants: [{ bit_rate: 632000, content_type: 'video/mp4', url: found.url }] }
              : {}),
          },
        ];
      });
  }

  private dmEvents(res: ServerResponse, url: URL, window: RateWindow): void {
    const types = url.searchParams.get('event_types')?.split(',');
    const all = byIdDescending(this.data.dmEvents).filter(
      (e) => !types || types.includes(e.event_type),
    );
    const page = this.page(res, url, window, all, { min: 1, max: 100, fallback: 100 });
    if (!page) return;
    const users = [...new Set(page.items.map((e) => e.sender_id))].flatMap((id) => {
      const user = this.data.users.get(id);
      return user ? [{ id: user.id, username: user.username, name: user.name }] : [];
    });
    const media = page.items
      .flatMap((e) => e.attachments?.media_keys ?? [])
      .flatMap((key) => {
        const found = this.data.media.get(key);
        return found
          ? [
              {
                media_key: found.media_key,
                type: found.type,
                ...(found.url ? { url: found.url } : {}),
              },
            ]
          : [];
      });
    const includes = { ...(users.length ? { users } : {}), ...(media.length ? { media } : {}) };
    this.send(
      res,
      200,
      {
        ...(page.items.length ? { data: page.items } : {}),
        ...(Object.keys(includes).length ? { includes } : {}),
        meta: this.meta(page.items, page.next),
      },
      window,
    );
  }

  private sendDm(
    res: ServerResponse,
    url: URL,
    body: unknown,
    req: IncomingMessage,
    window: RateWindow,
  ): void {
    const participantId = url.pathname.split('/')[4];
    const eventId = nextId();
    const text = (body as { text?: string } | undefined)?.text ?? '';
    this.sentDms.push({ participantId, text, eventId, token: tokenOf(req) });
    const [low, high] = [participantId, this.data.accountId].sort((a, b) =>
      BigInt(a) < BigInt(b) ? -1 : 1,
    );
    this.send(
      res,
      201,
      { data: { dm_conversation_id: `${low}-${high}`, dm_event_id: eventId } },
      window,
    );
  }

  private tweet(res: ServerResponse, body: unknown, window: RateWindow): void {
    const post = body as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    const id = nextId();
    this.posts.push({
      id,
      text: post.text ?? '',
      inReplyTo: post.reply?.in_reply_to_tweet_id,
      body,
    });
    this.send(
      res,
      201,
      { data: { id, text: post.text ?? '', edit_history_tweet_ids: [id] } },
      window,
    );
  }

  /** The CDN: anyone may read, and a request carrying credentials is recorded as such. */
  private publicMedia(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.cdnUrl);
    this.requests.push({
      endpoint: 'public_media',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: {},
      token: tokenOf(req),
      at: Date.now(),
    });
    this.mediaFile(res, url);
  }

  private mediaFile(res: ServerResponse, url: URL): void {
    const key = url.pathname.slice('/media/'.length).replace(/\.[a-z0-9]+$/, '');
    const media = this.data.media.get(key);
    if (!media?.bytes) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': media.contentType ?? 'application/octet-stream',
      'content-length': String(media.bytes.length),
    });
    res.end(media.bytes);
  }
}
