/**
 * Charset decoding with Node's own WHATWG decoders (full ICU): every charset real mail uses,
 * legacy Turkish ones included (ISO-8859-9 and Windows-1254 decode alike), without a library.
 */

const MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'shift_jis', 'euc-kr']);

/**
 * What a mislabelled 8-bit text usually really is: ISO-2022-JP is a 7-bit encoding, so 8-bit
 * bytes under that label are Shift_JIS (Outlook and old Japanese mailers do this).
 */
const STAND_INS: Record<string, string[]> = {
  'iso-2022-jp': ['shift_jis', 'euc-jp'],
  gbk: ['gb18030'],
  'utf-8': [],
};

/** The canonical name of a charset label (`latin5` -> `windows-1254`), or undefined. */
function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().replace(/^"|"$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

/** The text, or undefined when a byte does not belong to the charset (or the label is unknown). */
export function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  const charset = canonicalCharset(label);
  if (!charset) return undefined;
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isMultiByte(charset: string): boolean {
  return MULTI_BYTE.has(charset);
}

/** Charsets a mail declares anywhere (Content-Type parameters, encoded words), in order. */
export function declaredCharsets(raw: Buffer): string[] {
  const text = raw.subarray(0, 2 * 1024 * 1024).toString('latin1');
  const found: string[] = [];
  const add = (label: string) => {
    const charset = canonicalCharset(label);
    if (charset && !found.includes(charset)) found.push(charset);
  };
  for (const m of text.matchAll(/charset\s*=\s*"?([A-Za-z0-9_.:+-]{2,40})/gi)) add(m[1]);
  for (const m of text.matchAll(/=\?([A-Za-z0-9_.:+-]{2,40})(?:\*[^?]*)?\?[BbQq]\?/g)) add(m[1]);
  return found;
}

/**
 * Decodes 8-bit bytes that came without a usable label: UTF-8 if they are UTF-8, else the
 * multi-byte charsets the mail declares (strictly: random bytes rarely pass), else the first
 * single-byte charset it declares, else the fallback. Single-byte charsets accept any bytes,
 * which is why they come last and why the fallback is configurable.
 */
export function decodeGuessing(
  bytes: Uint8Array,
  declared: readonly string[],
  fallback: string,
  mislabelledAs?: string,
): string {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return utf8;
  const standIns = mislabelledAs ? (STAND_INS[canonicalCharset(mislabelledAs) ?? ''] ?? []) : [];
  const expanded = [...standIns, ...declared.flatMap((c) => [c, ...(STAND_INS[c] ?? [])])];
  for (const charset of expanded.filter(isMultiByte)) {
    const text = decodeStrict(bytes, charset);
    if (text !== undefined) return text;
  }
  const singleByte = expanded.find(
    (c) => !isMultiByte(c) && c !== 'utf-8' && c !== 'iso-2022-jp' && !c.startsWith('utf-16'),
  );
  return new TextDecoder(singleByte ?? canonicalCharset(fallback) ?? 'windows-1254').decode(bytes);
}
