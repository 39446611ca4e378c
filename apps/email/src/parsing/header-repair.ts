import { isUtf8 } from 'node:buffer';
import { decodeGuessing, decodeStrict, declaredCharsets } from './charsets';

const ENCODED_WORD = /=\?([^?\s*]+)(\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;

/** Where the header ends: the first empty line (CRLF or bare LF mail), or the end. */
export function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return raw.length;
  if (crlf === -1) return lf;
  if (lf === -1) return crlf;
  return Math.min(crlf, lf);
}

function wordBytes(encoding: string, payload: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(payload, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const ch = payload[i];
    if (ch === '_') bytes.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(payload.slice(i + 1, i + 3))) {
      bytes.push(parseInt(payload.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/**
 * Real mail's headers break the rules in ways mailparser reads as mojibake. This rewrites the
 * header section (never the body) so that mailparser reads what the sender meant:
 * - raw 8-bit header bytes that are not UTF-8 (old clients writing GBK, Shift_JIS or
 *   Windows-1254 straight into Subject and From) become UTF-8, in the charset the mail declares
 *   elsewhere or, failing that, the configured fallback;
 * - encoded words whose bytes do not fit their label (Shift_JIS labelled ISO-2022-JP) are
 *   re-encoded as UTF-8 encoded words.
 * Everything else is left byte for byte as it was. The stored raw message is the original.
 */
export function repairHeaders(raw: Buffer, fallbackCharset: string): Buffer {
  const end = headerEnd(raw);
  const header = raw.subarray(0, end);
  const eightBit = header.some((b) => b >= 0x80);
  const hasWords = header.includes('=?');
  if (!eightBit && !hasWords) return raw;
  let declared: string[] | undefined;
  const charsets = () => (declared ??= declaredCharsets(raw));
  let text =
    !eightBit || isUtf8(header)
      ? header.toString(eightBit ? 'utf8' : 'latin1')
      : decodeGuessing(header, charsets(), fallbackCharset);
  let changed = eightBit && !isUtf8(header);
  if (hasWords) {
    text = text.replace(
      ENCODED_WORD,
      (word, label: string, _language: string | undefined, encoding: string, payload: string) => {
        const bytes = wordBytes(encoding, payload);
        if (decodeStrict(bytes, label) !== undefined) return word;
        if (decodeStrict(new Uint8Array(0), label) === undefined) return word; // unknown label: mailparser may know it
        changed = true;
        const decoded = decodeGuessing(bytes, charsets(), fallbackCharset, label);
        return `=?UTF-8?B?${Buffer.from(decoded, 'utf8').toString('base64')}?=`;
      },
    );
  }
  if (!changed) return raw;
  return Buffer.concat([Buffer.from(text, 'utf8'), raw.subarray(end)]);
}
