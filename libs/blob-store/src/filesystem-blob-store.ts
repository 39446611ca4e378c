import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BlobException } from './blob.exception';
import type { BlobStore, StoredBlob } from './blob-store';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Blobs as files under `root/ab/cd/<sha256>`: two directory levels keep directories small. Writes
 * go to a temporary name and are renamed into place, so a reader never sees half a blob and two
 * writers of the same bytes cannot corrupt each other.
 */
export class FilesystemBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
  ) {}

  async put(bytes: Buffer): Promise<StoredBlob> {
    if (bytes.length > this.maxBytes) {
      throw new BlobException(
        'blob_too_large',
        `blob of ${bytes.length} bytes exceeds the limit of ${this.maxBytes}`,
        false,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!(await this.exists(path))) {
      try {
        await mkdir(dirname(path), { recursive: true });
        const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, path);
      } catch (error) {
        throw new BlobException(
          'blob_io',
          `storing a blob failed: ${(error as Error).message}`,
          true,
          undefined,
          { cause: error },
        );
      }
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    const path = this.pathOf(sha256);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new BlobException(
        'blob_io',
        `reading a blob failed: ${(error as Error).message}`,
        true,
        undefined,
        { cause: error },
      );
    }
  }

  has(sha256: string): Promise<boolean> {
    return this.exists(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<boolean> {
    const path = this.pathOf(sha256);
    const existed = await this.exists(path);
    await rm(path, { force: true });
    return existed;
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256))
      throw new BlobException('blob_id_invalid', 'not a sha256 hex digest', false);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }
}
