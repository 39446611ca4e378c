import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentRef } from '@app/contracts';
import { BLOB_STORE, type BlobStore } from '@app/blob-store';

/** Puts media bytes in the blob store and gives the claim check the envelope carries. */
@Injectable()
export class MediaStore {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async store(
    bytes: Buffer,
    contentType: string | undefined,
    filename?: string,
  ): Promise<AttachmentRef> {
    const { sha256, size } = await this.blobs.put(bytes);
    return {
      sha256,
      size,
      contentType: (contentType || 'application/octet-stream').slice(0, 200),
      ...(filename ? { filename: filename.slice(0, 500) } : {}),
    };
  }
}
