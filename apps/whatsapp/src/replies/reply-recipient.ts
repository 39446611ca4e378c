import type { OutboundReplyV1 } from '@app/contracts';

/**
 * The Cloud API's `to`: the customer's WhatsApp id (the digits of `wa_id`), or their phone number
 * without the plus. A whatsapp-web.js id (`905321234567@c.us`) gives its digits.
 */
export function cloudRecipient(reply: OutboundReplyV1): string | undefined {
  const id = reply.recipient.whatsappId?.replace(/@.*$/, '');
  if (id && /^\d{7,15}$/.test(id)) return id;
  const phone = reply.recipient.phone?.replace(/\D/g, '');
  return phone || undefined;
}

/**
 * The WhatsApp Web chat to answer in: the id the message came from when core kept it (a `@c.us`
 * or `@lid` chat), otherwise the phone number's `@c.us` chat.
 */
export function sessionChatId(reply: OutboundReplyV1): string | undefined {
  const id = reply.recipient.whatsappId;
  if (id?.includes('@')) return id;
  const digits = (id && /^\d{7,15}$/.test(id) ? id : reply.recipient.phone)?.replace(/\D/g, '');
  return digits ? `${digits}@c.us` : undefined;
}
