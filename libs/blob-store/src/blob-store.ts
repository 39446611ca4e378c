export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Claim checks for bytes that do not belong on Kafka: attachments, media, raw e-mails. Content
 * addressed by SHA-256, so storing the same bytes twice stores them once and a redelivered message
 * points at the same blob.
 */
export interface BlobStore {
  /** Stores the bytes; throws BlobException('blob_too_large') past the configured limit. */
  put(bytes: Buffer): Promise<StoredBlob>;
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
  /** For retention: deletes and says whether there was anything. */
  delete(sha256: string): Promise<boolean>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');
