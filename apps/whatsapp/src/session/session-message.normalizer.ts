import type { Sender } from '@app/contracts';
import { contactsText, type ContactsPart } from '../cloud/normalize/cloud-message-parts';
import type { SessionAccount } from '../config/whatsapp-accounts';
import {
  isoFromSeconds,
  phoneOfWhatsAppId,
  type InboundDraft,
  type Metadata,
} from '../inbound/inbound-draft';
import type { SessionMessage } from './whatsapp-session';

export type SessionVerdict = { kind: 'take' } | { kind: 'ignored'; reason: string };

/** WhatsApp Web's bookkeeping messages: never something a customer said. */
const SYSTEM_TYPES = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'call_log',
  'protocol',
  'ciphertext',
  'revoked',
  'broadcast_notification',
  'debug',
]);

const LABELS: Record<string, string> = {
  image: '[Fotoğraf]',
  video: '[Video]',
  sticker: '[Çıkartma]',
  document: '[Belge]',
  audio: '[Ses dosyası]',
  ptt: '[Sesli mesaj]',
};

/**
 * Whether a message is taken in at all: status updates and broadcasts never; group messages and
 * our own only when the account is configured to take them; WhatsApp Web's system messages never.
 */
export function sessionVerdict(message: SessionMessage, account: SessionAccount): SessionVerdict {
  if (message.isStatus || message.from === 'status@broadcast')
    return { kind: 'ignored', reason: 'status' };
  if (message.from.endsWith('@broadcast') || message.from.endsWith('@newsletter')) {
    return { kind: 'ignored', reason: 'broadcast' };
  }
  if (message.fromMe && !account.acceptOwn) return { kind: 'ignored', reason: 'own' };
  if (message.from.endsWith('@g.us') && !account.acceptGroups)
    return { kind: 'ignored', reason: 'group' };
  if (SYSTEM_TYPES.has(message.type)) return { kind: 'ignored', reason: 'system' };
  return { kind: 'take' };
}

/**
 * A WhatsApp Web message as a draft envelope, in the same words the Cloud API messages get, so a
 * case reads the same whichever mode the number runs in.
 */
export function normalizeSessionMessage(
  message: SessionMessage,
  extra: { displayName?: string; filename?: string } = {},
): InboundDraft {
  const group = message.from.endsWith('@g.us');
  const who = group && message.author ? message.author : message.from;
  const phone = phoneOfWhatsAppId(who);
  const sender: Sender = {
    whatsappId: who,
    ...(phone ? { phone } : {}),
    ...(extra.displayName ? { displayName: extra.displayName } : {}),
  };
  const metadata: Metadata = {
    whatsappType: message.type,
    ...(message.isForwarded ? { forwarded: true } : {}),
    ...(message.hasQuotedMsg ? { quotesMessage: true } : {}),
    ...(group ? { groupId: message.from } : {}),
    ...(message.fromMe ? { fromMe: true } : {}),
  };
  const body = message.body.trim();
  let text: string;
  switch (message.type) {
    case 'chat':
      text = message.body;
      break;
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio':
    case 'ptt':
    case 'document':
      text =
        body ||
        (message.type === 'document' && extra.filename
          ? `[Belge: ${extra.filename}]`
          : LABELS[message.type]);
      if (message.type === 'ptt' || message.type === 'audio')
        metadata.voice = message.type === 'ptt';
      break;
    case 'location': {
      const l = message.location;
      const latitude = Number(l?.latitude);
      const longitude = Number(l?.longitude);
      const place = [l?.name, l?.address].filter(Boolean).join(', ');
      text = `Konum: ${place ? `${place} ` : ''}(${latitude}, ${longitude})`;
      Object.assign(metadata, {
        latitude,
        longitude,
        ...(l?.name ? { locationName: l.name } : {}),
        ...(l?.address ? { locationAddress: l.address } : {}),
        ...(l?.url ? { locationUrl: l.url } : {}),
      });
      break;
    }
    case 'vcard':
    case 'multi_vcard': {
      const cards = message.vCards.length > 0 ? message.vCards : [message.body];
      text = contactsText(cards.map<ContactsPart[number]>(vCardToContact));
      metadata.contactCount = cards.length;
      break;
    }
    case 'buttons_response':
    case 'list_response':
      text = `Seçim: ${message.body}`;
      break;
    default:
      text = `[Tanınmayan mesaj türü: ${message.type}]`;
      metadata.note =
        'Ağ geçidinin henüz tanımadığı bir WhatsApp mesaj türü; içerik ham olarak saklanmadı.';
      metadata.unknownType = message.type;
  }
  return {
    sourceId: message.id._serialized,
    sentAt: isoFromSeconds(message.timestamp),
    sender,
    chatId: message.from,
    text,
    metadata,
  };
}

/** The few vCard lines a person needs: FN, ORG, TEL, EMAIL (RFC 6350, folded lines joined). */
function vCardToContact(vcard: string): ContactsPart[number] {
  const lines = vcard.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const values = (name: string) =>
    lines
      .filter((l) => l.toUpperCase().startsWith(name) && /^[A-Z-]+[;:]/i.test(l))
      .filter((l) => l.split(/[;:]/)[0].toUpperCase() === name)
      .map((l) => l.slice(l.indexOf(':') + 1).trim())
      .filter(Boolean);
  const [fn] = values('FN');
  const [org] = values('ORG');
  return {
    name: { formatted_name: fn },
    org: org ? { company: org.split(';').filter(Boolean).join(', ') } : undefined,
    phones: values('TEL').map((phone) => ({ phone })),
    emails: values('EMAIL').map((email) => ({ email })),
  };
}
