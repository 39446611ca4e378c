import type { Response } from 'express';

/** A rendered page and how to send it. */
export interface PageResponse {
  status: number;
  html: string;
  retryAfterSeconds?: number;
}

export function sendPage(res: Response, page: PageResponse): void {
  // The pages carry what the customer typed: no cache may keep them.
  res.setHeader('Cache-Control', 'no-store');
  if (page.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(page.retryAfterSeconds));
  }
  res.status(page.status).type('html').send(page.html);
}
