import type { NextFunction, Request, RequestHandler, Response } from 'express';

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, Accept-Language';

/**
 * CORS for the JSON API, for headless sites calling it from their visitors' browsers: only the
 * configured origins get the headers a browser needs to send JSON and read the answer. Others get
 * none (the browser keeps the answer from their script) and their preflight is refused.
 * Nothing else needs CORS: without an allowed preflight a browser cannot post JSON cross-origin.
 */
export function corsForApi(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    res.append('Vary', 'Origin');
    const permitted = origin !== undefined && allowed.has(origin);
    if (permitted) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (!preflight) return next();
    if (!permitted) {
      res.status(403).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
