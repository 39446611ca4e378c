import type { RunningApp } from '../apps';

export interface Page {
  status: number;
  html: string;
  headers: Headers;
}

export interface UploadFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** The page as a browser without JavaScript gets it. */
export async function getPage(app: RunningApp, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${path}`, { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Posts the form page as a browser does: multipart, with files under `attachments`. */
export async function postFormPage(
  app: RunningApp,
  fields: Record<string, string | string[]>,
  files: UploadFile[] = [],
  path = '/',
  headers: Record<string, string> = {},
): Promise<Page> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  }
  for (const file of files) {
    form.append(
      'attachments',
      new Blob([new Uint8Array(file.bytes)], { type: file.type }),
      file.name,
    );
  }
  const response = await fetch(`${app.url}${path}`, { method: 'POST', body: form, headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Posts one of the tracking page's url-encoded forms. */
export async function postTrackForm(
  app: RunningApp,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers,
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The text of the element with this id (tags dropped, entities of our escaping undone). */
export function textOf(html: string, id: string): string | undefined {
  const open = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = html.indexOf(`</${open[1]}>`, start);
  return decode(html.slice(start, end).replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value attribute of the input with this id. */
export function valueOf(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
  const value = tag && /\svalue="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? undefined : decode(value);
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

/** Smallest files of each kind the form judges by content. */
export const SAMPLE_FILES = {
  png: (): UploadFile => ({
    name: 'fiş-fotoğrafı.png',
    type: 'image/png',
    bytes: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    ),
  }),
  pdf: (): UploadFile => ({
    name: 'fatura.pdf',
    type: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
  }),
  /** An executable that says it is a PDF. */
  fakePdf: (): UploadFile => ({
    name: 'fatura.pdf',
    type: 'application/pdf',
    bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
  }),
};

/** The element with this id: its tag name and attributes (a bare attribute has the value ''). */
export function elementOf(
  html: string,
  id: string,
): { tag: string; attrs: Record<string, string> } | undefined {
  const match = new RegExp(
    `<(\\w+)((?:\\s+[\\w-]+(?:="[^"]*")?)*?\\s+id="${id}"(?:\\s+[\\w-]+(?:="[^"]*")?)*)\\s*/?>`,
  ).exec(html);
  if (!match) return undefined;
  const attrs: Record<string, string> = {};
  for (const [, name, value] of match[2].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
    attrs[name] = value === undefined ? '' : decode(value);
  }
  return { tag: match[1], attrs };
}
