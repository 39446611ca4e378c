import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What core's public stores endpoint lists. */
export interface StubStore {
  code: string;
  name: string;
  city: string;
  district: string;
}

/** A case as core's tracking API shows it, plus the second factors that open it. */
export interface StubCase {
  reference: string;
  phoneLast4?: string;
  email?: string;
  status: string;
  openedAt: string;
  resolutionDueAt?: string;
  newResolutionDate?: string;
  delayReason?: string;
  timeline: { at: string; status: string }[];
  awaitingAgreement: boolean;
  surveyOpen: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body?: unknown;
}

/**
 * A tiny stand-in for core's public HTTP API while core's tracking side is built elsewhere:
 * `GET /api/v1/stores`, and the documented tracking contract
 * (`GET /api/v1/track/:reference?verify=`, `POST .../agreement`, `POST .../survey`), with
 * identical 404s for a wrong number and a wrong factor. Agreement and survey change the case as
 * core would, so a page can be followed through. Set `rateLimited` to answer 429.
 */
export class StubCore {
  readonly requests: RecordedRequest[] = [];
  stores: StubStore[] = [];
  readonly cases = new Map<string, StubCase>();
  rateLimited = false;
  /** Answer every tracking call with this status (e.g. 500) instead. */
  failWith?: number;
  private server?: Server;
  url = '';

  addCase(c: StubCase): void {
    this.cases.set(c.reference, c);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (req.method === 'GET' && url.pathname === '/api/v1/stores') return send(200, this.stores);
    const match = /^\/api\/v1\/track\/([^/]+)(?:\/(agreement|survey))?$/.exec(url.pathname);
    if (!match) return send(404, { code: 'not_found' });
    if (this.failWith) return send(this.failWith, { code: 'internal_error' });
    if (this.rateLimited) {
      res.setHeader('retry-after', '120');
      return send(429, { code: 'track.rate_limited' });
    }
    const reference = decodeURIComponent(match[1]);
    const factor = match[2] ? body?.verify : url.searchParams.get('verify');
    const verify = typeof factor === 'string' ? factor : '';
    const found = this.cases.get(reference);
    const matches =
      found &&
      ((found.phoneLast4 !== undefined && verify === found.phoneLast4) ||
        (found.email !== undefined && verify.toLowerCase() === found.email.toLowerCase()));
    if (!found || !matches) return send(404, { code: 'track.not_found' });
    const now = new Date().toISOString();
    if (match[2] === 'agreement') {
      if (!found.awaitingAgreement) return send(409, { code: 'track.not_awaiting_agreement' });
      const next = body?.agree === true ? 'closed' : 'in_progress';
      found.status = next;
      found.timeline.push({ at: now, status: next });
      found.awaitingAgreement = false;
      found.surveyOpen = body?.agree === true;
      return send(200, { reference, status: next });
    }
    if (match[2] === 'survey') {
      if (!found.surveyOpen) return send(409, { code: 'track.survey_closed' });
      found.surveyOpen = false;
      return send(200, { reference });
    }
    const { phoneLast4: _p, email: _e, ...shown } = found;
    return send(200, shown);
  }
}
