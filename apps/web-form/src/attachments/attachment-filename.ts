const MAX_LENGTH = 200;

/**
 * A file name fit to store and show: no directories (a browser may send `C:\fakepath\x.pdf`), no
 * control characters, Unicode composed, at most 200 characters with the extension kept.
 */
export function cleanFilename(original: string | undefined): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  if (clean === '' || clean === '.' || clean === '..') return 'attachment';
  if (clean.length <= MAX_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_LENGTH - extension.length) + extension;
}
