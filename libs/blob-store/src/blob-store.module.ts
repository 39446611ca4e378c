import { DynamicModule, Module } from '@nestjs/common';
import { BLOB_STORE } from './blob-store';
import { FilesystemBlobStore } from './filesystem-blob-store';

export interface BlobStoreConfig {
  dir: string;
  maxBytes: number;
}

@Module({})
export class BlobStoreModule {
  static forRoot(config: BlobStoreConfig): DynamicModule {
    return {
      module: BlobStoreModule,
      global: true,
      providers: [
        { provide: BLOB_STORE, useValue: new FilesystemBlobStore(config.dir, config.maxBytes) },
      ],
      exports: [BLOB_STORE],
    };
  }
}
