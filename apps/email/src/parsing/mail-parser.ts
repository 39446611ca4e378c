import { GatewayException } from '@app/platform';
import {
  simpleParser,
  type AddressObject,
  type Attachment,
  type HeaderLines,
  type HeaderValue,
  type ParsedMail,
} from 'mailparser';
import { repairHeaders } from './header-repair';
import { htmlToText } from './html-text';
import { messageIdsIn, normalizeMessageId, referencesForEnvelope } from './message-ids';

/** A mail mailparser could not read, or not within the time allowed. Never retriable. */
export class MailParseException extends GatewayException {
  constructor(code: 'unparsable_mail' | 'parse_timeout', message: string) {
    super(code, message, false);
  }
}

export interface ParsedEmail {
  /** `<id>`, normalized; undefined when the mail has none (or an unusable one). */
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  /** As written, line breaks of folding removed. */
  subject?: string;
  date?: Date;
  from?: AddressObject;
  replyTo?: AddressObject;
  sender?: AddressObject;
  /** Addresses of To and Cc, lower-cased. */
  recipients: string[];
  /** The plain text: the text parts, or the HTML converted when there is no text part. */
  text: string;
  hasHtml: boolean;
  attachments: Attachment[];
  /** Unfolded header values by lower-case name, as written (encoded words not decoded). */
  header(name: string): string[];
}

export interface ParseOptions {
  fallbackCharset: string;
  timeoutMs: number;
}

function headerReader(lines: HeaderLines): (name: string) => string[] {
  return (name: string) =>
    lines
      .filter((l) => l.key === name)
      .map((l) =>
        l.line
          .slice(l.line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      );
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  const out: string[] = [];
  const walk = (values: AddressObject['value']) => {
    for (const v of values) {
      if (v.group) walk(v.group);
      else if (v.address) out.push(v.address.toLowerCase());
    }
  };
  for (const f of list) walk(f.value);
  return out;
}

/** mailparser types every header value loosely; address headers are objects with `value` and `text`. */
function addressHeader(value: HeaderValue | undefined): AddressObject | undefined {
  return value && typeof value === 'object' && 'value' in value && 'text' in value
    ? value
    : undefined;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MailParseException('parse_timeout', `parsing took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Parses a raw mail with mailparser, after repairing the header encodings it would misread.
 * Throws MailParseException for a mail it cannot read (a header bomb, thousands of parts...).
 */
export async function parseMail(raw: Buffer, options: ParseOptions): Promise<ParsedEmail> {
  let parsed: ParsedMail;
  try {
    parsed = await withTimeout(
      simpleParser(repairHeaders(raw, options.fallbackCharset), {
        skipTextToHtml: true,
        skipImageLinks: true,
        skipTextLinks: true,
        maxHtmlLengthToParse: 10 * 1024 * 1024,
      }),
      options.timeoutMs,
    );
  } catch (error) {
    if (error instanceof MailParseException) throw error;
    const code = (error as { code?: unknown }).code;
    // mailparser's messages name limits and structures, never the mail's content.
    throw new MailParseException(
      'unparsable_mail',
      `mailparser failed${typeof code === 'string' ? ` (${code})` : ''}: ${(error as Error).message}`.slice(
        0,
        500,
      ),
    );
  }
  const header = headerReader(parsed.headerLines);
  const plain = (parsed.text ?? '').trim();
  const text = plain === '' && parsed.html ? htmlToText(parsed.html) : plain;
  const sender = addressHeader(parsed.headers.get('sender'));
  return {
    messageId: normalizeMessageId(parsed.messageId ?? header('message-id')[0]),
    inReplyTo: messageIdsIn(parsed.inReplyTo)[0],
    references: referencesForEnvelope(parsed.references),
    subject: parsed.subject?.replace(/\r?\n/g, ''),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined,
    from: parsed.from,
    replyTo: parsed.replyTo,
    sender,
    recipients: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)],
    text,
    hasHtml: Boolean(parsed.html),
    attachments: parsed.attachments,
    header,
  };
}
