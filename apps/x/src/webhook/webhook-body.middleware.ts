import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { HttpEdgeException, type RawBodyRequest } from '@app/platform';

/**
 * Keeps the exact bytes of a webhook delivery, whatever its content type: the signature is
 * computed over them, and nothing may parse (and re-serialize) them before it is checked.
 */
export function webhookBody(limit: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit });
  return (req: Request, res: Response, next: NextFunction) => {
    raw(req, res, (error?: { type?: string }) => {
      if (error) {
        return next(
          error.type === 'entity.too.large'
            ? new HttpEdgeException('payload_too_large', 'webhook body exceeds the size limit')
            : new HttpEdgeException('malformed_json', 'webhook body could not be read'),
        );
      }
      (req as RawBodyRequest).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      next();
    });
  };
}
