import { convert } from 'html-to-text';

/** HTML bigger than this is cut before conversion: the text is capped far below it anyway. */
const MAX_HTML = 2 * 1024 * 1024;

/**
 * Readable text of an HTML-only mail (what many webmails and phone clients send): paragraphs
 * and line breaks kept, links as their text, images and styles dropped.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    limits: { maxInputLength: MAX_HTML },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
