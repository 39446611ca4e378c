import { XException } from '../x.exception';

/** Reads a body, refusing as soon as it grows past `maxBytes` rather than buffering it all. */
export async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new XException('media_too_large', `medium of ${declared} bytes exceeds ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new XException('media_too_large', `medium exceeds ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof XException) throw error;
    throw new XException('media_unreachable', 'medium download was interrupted', true);
  }
  return Buffer.concat(chunks);
}
