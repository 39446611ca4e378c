export * from './blob-store';
export * from './blob.exception';
export * from './filesystem-blob-store';
export * from './blob-store.module';
