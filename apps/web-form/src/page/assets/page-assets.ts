import { createHash } from 'node:crypto';
import { FORM_CSS } from './form-style';
import { FORM_JS } from './form-script';

export interface PageAsset {
  body: string;
  contentType: string;
  /** Path with a digest of the content: cacheable for ever, replaced when the content changes. */
  url: string;
}

function asset(name: string, body: string, contentType: string): PageAsset {
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, contentType, url: `/assets/${name}?v=${digest}` };
}

export const PAGE_ASSETS = {
  css: asset('form.css', FORM_CSS, 'text/css; charset=utf-8'),
  js: asset('form.js', FORM_JS, 'text/javascript; charset=utf-8'),
} as const;
