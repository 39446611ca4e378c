import { HttpEdgeException, type RawBodyRequest } from '@app/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const JSON_TYPES = ['application/json', 'application/*+json'];

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/**
 * Keeps a signed webhook's body as the exact bytes received (`req.rawBody`), unparsed: the
 * signature is checked over them before anything reads the JSON. A body over `limitBytes` is
 * refused with 413 as soon as that is known (at once from Content-Length, or when a chunked body
 * passes the limit) and the connection is closed instead of reading the rest. Must be mounted
 * before the HTTP edge's JSON parser, which then leaves the consumed request alone.
 */
export function rawBody(limitBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    const chunked = req.headers['transfer-encoding'] !== undefined;
    const declared = req.headers['content-length'];
    if (!chunked && Number(declared ?? 0) === 0) {
      (req as RawBodyRequest).rawBody = Buffer.alloc(0);
      return next();
    }
    if (!req.is(JSON_TYPES))
      return next(new HttpEdgeException('unsupported_media_type', 'request body must be JSON'));
    const charset = charsetOf(req.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
      return next(new HttpEdgeException('unsupported_media_type', 'JSON must be UTF-8'));
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity')
      return next(
        new HttpEdgeException('unsupported_media_type', 'compressed bodies are not taken'),
      );

    const tooLarge = () => {
      // The rest of the body is not read: the answer goes out and the connection is closed.
      req.pause();
      res.setHeader('Connection', 'close');
      next(new HttpEdgeException('payload_too_large', 'request body exceeds the size limit'));
    };
    if (declared !== undefined && Number(declared) > limitBytes) return tooLarge();

    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        return tooLarge();
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      (req as RawBodyRequest).rawBody = Buffer.concat(chunks, size);
      next();
    };
    const onError = () => {
      // The sender went away mid-body: there is hardly anybody to answer, and nothing was taken in.
      cleanup();
      next(new HttpEdgeException('malformed_json', 'request body was not received completely'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  };
}
