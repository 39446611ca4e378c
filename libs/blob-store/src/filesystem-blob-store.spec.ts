import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemBlobStore } from './filesystem-blob-store';

describe('FilesystemBlobStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores by content: the same bytes twice are one blob with their sha256', async () => {
    const store = new FilesystemBlobStore(dir, 1024);
    const bytes = Buffer.from('fatura.pdf içeriği');
    const first = await store.put(bytes);
    const second = await store.put(Buffer.from(bytes));
    expect(first).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
    expect(second).toEqual(first);
    expect((await store.get(first.sha256))?.equals(bytes)).toBe(true);
    const [level1] = await readdir(dir);
    expect(level1).toBe(first.sha256.slice(0, 2));
  });

  it('refuses what is over the limit and says so', async () => {
    const store = new FilesystemBlobStore(dir, 4);
    await expect(store.put(Buffer.from('12345'))).rejects.toMatchObject({
      code: 'blob_too_large',
      retriable: false,
    });
  });

  it('answers undefined for an unknown blob and refuses ids that are not digests', async () => {
    const store = new FilesystemBlobStore(dir, 1024);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'blob_id_invalid' });
  });

  it('deletes for retention', async () => {
    const store = new FilesystemBlobStore(dir, 1024);
    const { sha256 } = await store.put(Buffer.from('x'));
    expect(await store.delete(sha256)).toBe(true);
    expect(await store.has(sha256)).toBe(false);
  });
});
