import type { Language, OutboundReplyV1 } from '@app/contracts';
import { messageIdsIn } from '../parsing/message-ids';

const DEFAULT_SUBJECT: Record<Language, string> = {
  tr: 'Geri bildiriminiz hakkında',
  az: 'Müraciətiniz haqqında',
  en: 'About your feedback',
};

/** Kinds of reply no person wrote: marked so that other systems' auto-responders stay silent. */
const AUTOMATIC_KINDS = new Set(['acknowledgement', 'status_update', 'survey']);

export interface ReplyMail {
  messageId: string;
  subject: string;
  inReplyTo?: string;
  references: string[];
  headers: Record<string, string>;
}

/**
 * Subject carrying `[reference]`, so that the customer's answer finds its case even when the
 * mail client drops the threading headers; In-Reply-To and References continue the customer's
 * thread.
 */
export function replyMail(reply: OutboundReplyV1, messageIdDomain: string): ReplyMail {
  const tag = `[${reply.reference}]`;
  const base = (reply.subject ?? DEFAULT_SUBJECT[reply.language]).replace(/[\r\n]+/g, ' ').trim();
  const subject = base.includes(tag) ? base : `${base} ${tag}`;
  const inReplyTo = messageIdsIn(reply.threading?.inReplyTo)[0];
  const references = messageIdsIn(reply.threading?.references ?? []);
  if (inReplyTo && !references.includes(inReplyTo)) references.push(inReplyTo);
  const headers: Record<string, string> = {
    // Outlook and Exchange: no out-of-office answers to our replies (no mail loops).
    'X-Auto-Response-Suppress': 'All',
  };
  if (AUTOMATIC_KINDS.has(reply.kind)) headers['Auto-Submitted'] = 'auto-replied';
  return {
    messageId: `<${reply.replyId}@${messageIdDomain}>`,
    subject,
    ...(inReplyTo ? { inReplyTo } : {}),
    references: references.slice(-100),
    headers,
  };
}
