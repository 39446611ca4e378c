import type { Provider } from '@nestjs/common';
import { BLOB_STORE, FilesystemBlobStore } from '@app/blob-store';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';

/**
 * The adapters' blob store (attachments, raw e-mails), as core sees it: only to delete what
 * retention or an erasure says must go. Core never stores blobs, so no size limit applies.
 */
export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [CORE_CONFIG],
  useFactory: (config: CoreConfig) =>
    new FilesystemBlobStore(config.customer.retention.blobDir, Number.MAX_SAFE_INTEGER),
};
