import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@app/blob-store';
import type { AttachmentRef } from '@app/contracts';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { cleanFilename } from './attachment-filename';
import type { ReceivedFile } from './attachment-upload.storage';
import { sniffContentType } from './content-type.sniffer';

export type AttachmentRule = 'too_large' | 'too_many' | 'type_not_allowed' | 'kept_missing';

export interface AttachmentProblem {
  rule: AttachmentRule;
  filename?: string;
}

/** A new file that passed the checks, not yet in the blob store. */
export interface FreshAttachment {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

export interface CheckedAttachments {
  fresh: FreshAttachment[];
  /** Files uploaded with an earlier attempt of this form, already in the blob store. */
  kept: AttachmentRef[];
  problems: AttachmentProblem[];
}

const KEPT = /^([0-9a-f]{64}):([^\r\n]{1,200})$/;

/** A file already stored, as the re-rendered form carries it: `<sha256>:<file name>`. */
export const keptValue = (ref: Pick<AttachmentRef, 'sha256' | 'filename'>) =>
  `${ref.sha256}:${ref.filename ?? 'attachment'}`;

/**
 * Checks the files of a page submission (count, size, type by content) and puts the good ones in
 * the blob store. Files kept from an earlier attempt are named by their digest; they are read
 * back and checked again, so a hand-made value can point at nothing but its own bytes.
 */
@Injectable()
export class AttachmentIntake {
  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async check(
    files: readonly ReceivedFile[],
    keptValues: readonly string[],
  ): Promise<CheckedAttachments> {
    const result: CheckedAttachments = { fresh: [], kept: [], problems: [] };
    let count = 0;
    const tooMany = () => {
      if (!result.problems.some((p) => p.rule === 'too_many'))
        result.problems.push({ rule: 'too_many' });
    };
    for (const value of new Set(keptValues)) {
      const match = KEPT.exec(value);
      if (!match) continue;
      const [, sha256, name] = match;
      const filename = cleanFilename(name);
      const bytes = await this.blobs.get(sha256);
      const contentType = bytes && sniffContentType(bytes);
      if (!bytes || !contentType) {
        result.problems.push({ rule: 'kept_missing', filename });
        continue;
      }
      if (++count > this.config.attachments.maxFiles) {
        tooMany();
        continue;
      }
      result.kept.push({ sha256, filename, contentType, size: bytes.length });
    }
    for (const file of files) {
      const filename = cleanFilename(file.originalname);
      if (file.dropped === 'too_large') {
        result.problems.push({ rule: 'too_large', filename });
        continue;
      }
      const contentType = file.buffer && sniffContentType(file.buffer);
      if (!file.buffer || !contentType) {
        if (file.dropped === 'too_many') tooMany();
        else result.problems.push({ rule: 'type_not_allowed', filename });
        continue;
      }
      if (file.dropped === 'too_many' || ++count > this.config.attachments.maxFiles) {
        tooMany();
        continue;
      }
      result.fresh.push({ bytes: file.buffer, filename, contentType });
    }
    return result;
  }

  /** Stores new files by content; the references go into the envelope. */
  async store(fresh: readonly FreshAttachment[]): Promise<AttachmentRef[]> {
    const refs: AttachmentRef[] = [];
    for (const file of fresh) {
      const { sha256, size } = await this.blobs.put(file.bytes);
      refs.push({ sha256, filename: file.filename, contentType: file.contentType, size });
    }
    return refs;
  }
}
