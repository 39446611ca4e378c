import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { HttpEdgeException } from './http.exception';

export interface RawBodyRequest extends Request {
  /** The exact bytes received: signatures are verified over these, never over re-serialized JSON. */
  rawBody?: Buffer;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** body-parser's error types, translated to our codes so the exception filter can answer. */
function translate(error: { type?: string; status?: number }): HttpEdgeException {
  switch (error.type) {
    case 'entity.too.large':
      return new HttpEdgeException('payload_too_large', 'request body exceeds the size limit');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpEdgeException(
        'unsupported_media_type',
        'unsupported body encoding or charset',
      );
    default:
      return new HttpEdgeException('malformed_json', 'request body is not valid JSON');
  }
}

/**
 * JSON bodies for an API: anything but JSON is 415, over `limit` is 413, broken JSON is 400, all
 * answered by the app's exception filter in the caller's language. Keeps the raw bytes.
 */
export function jsonBody(limit: string | number): RequestHandler {
  const parse = express.json({
    limit,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, buf) => {
      (req as RawBodyRequest).rawBody = Buffer.from(buf);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!BODY_METHODS.has(req.method)) return next();
    // A request without a body (no length, not chunked) has no media type to judge.
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      return next(new HttpEdgeException('unsupported_media_type', 'request body must be JSON'));
    }
    parse(req, res, (error?: { type?: string }) => {
      if (error) return next(translate(error));
      next();
    });
  };
}
