import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { WebFormException } from '../submission/web-form.exception';

export interface AttachmentLimits {
  maxFiles: number;
  maxBytes: number;
}

/** A file as the storage engine leaves it on `req.files`: its bytes, or why they were dropped. */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer?: Buffer;
  dropped?: 'too_large' | 'too_many';
}

/** Bytes a whole upload may carry: past this the request is refused outright (413). */
export function uploadHardCap(limits: AttachmentLimits): number {
  return (limits.maxFiles + 1) * limits.maxBytes + 1024 * 1024;
}

/**
 * A multer storage engine that keeps files in memory, but never aborts the request for a file
 * that is too large or one too many: it drains that file, notes why, and lets multer read the
 * rest of the form, so the page can answer with a message under the attachment field and every
 * other value kept. Only an upload past the hard cap aborts.
 */
export class AttachmentUploadStorage implements StorageEngine {
  private readonly seen = new WeakMap<Request, { files: number; bytes: number }>();

  constructor(private readonly limits: AttachmentLimits) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const upload = this.seen.get(req) ?? { files: 0, bytes: 0 };
    this.seen.set(req, upload);
    upload.files++;
    // Files refused for their size or type do not count against the limit (the intake counts the
    // good ones), so a few more than the limit are read; past twice the limit, none.
    let dropped: ReceivedFile['dropped'] =
      upload.files > this.limits.maxFiles * 2 ? 'too_many' : undefined;
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: unknown, info?: Partial<ReceivedFile>) => {
      if (settled) return;
      settled = true;
      callback(error, info);
    };
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      upload.bytes += chunk.length;
      if (upload.bytes > uploadHardCap(this.limits)) {
        chunks = [];
        settle(new WebFormException('payload_too_large', 'upload exceeds the hard cap'));
        return;
      }
      if (dropped) return;
      if (size > this.limits.maxBytes) {
        dropped = 'too_large';
        chunks = [];
        return;
      }
      chunks.push(chunk);
    });
    file.stream.on('error', (error) => settle(error));
    file.stream.on('end', () =>
      settle(undefined, dropped ? { size, dropped } : { size, buffer: Buffer.concat(chunks) }),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void) {
    delete (file as Partial<Express.Multer.File>).buffer;
    callback(null);
  }
}
