import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { HttpEdgeException } from '@app/platform';

/**
 * The webhook's body as raw bytes, whatever its media type: the signature covers the exact bytes,
 * so nothing may parse (or re-encode) them before it is checked. Over `limit` is 413.
 */
export function rawWebhookBody(limit: number): RequestHandler {
  const parse = express.raw({ type: () => true, limit });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: { type?: string }) => {
      if (!error) return next();
      if (error.type === 'entity.too.large') {
        return next(
          new HttpEdgeException('payload_too_large', 'webhook body exceeds the size limit'),
        );
      }
      return next(new HttpEdgeException('malformed_json', 'webhook body could not be read'));
    });
  };
}

/** The raw bytes the parser left on the request: empty when there was no body. */
export function rawBodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
