import type { Sender } from '@app/contracts';
import type { CloudContact, CloudMessage } from '../webhook/cloud-webhook.schema';
import {
  ButtonPart,
  ContactsPart,
  ContextPart,
  ErrorsPart,
  InteractivePart,
  LocationPart,
  MediaPart,
  ReactionPart,
  ReferralPart,
  TextPart,
  UnsupportedPart,
  contactsText,
  locationText,
} from './cloud-message-parts';
import {
  isoFromSeconds,
  phoneOfWhatsAppId,
  type InboundDraft,
  type Metadata,
} from '../../inbound/inbound-draft';

export type CloudNormalized =
  | { kind: 'message'; draft: InboundDraft }
  /** A reaction is about another message: where it is recorded depends on what that was. */
  | { kind: 'reaction'; draft: InboundDraft; targetId: string; emoji?: string }
  | { kind: 'ignored'; sourceId: string; reason: string };

/** Message types that are not feedback: the customer changed number, opened the chat... */
const NOT_FEEDBACK = new Set(['system', 'request_welcome', 'ephemeral']);

const MEDIA_LABELS: Record<string, string> = {
  image: '[Fotoğraf]',
  video: '[Video]',
  sticker: '[Çıkartma]',
  document: '[Belge]',
};

type Body = { text: string; metadata?: Metadata; media?: MediaPart };

/**
 * One Cloud API message to a draft envelope. Every type gets a text a person can read on the
 * case; a type we do not know (or a known type whose object is missing) is still recorded, with
 * a note, so a new WhatsApp feature never blocks the channel.
 */
export function normalizeCloudMessage(
  message: CloudMessage,
  contacts: readonly CloudContact[],
): CloudNormalized {
  const type = message.type ?? 'unknown';
  if (NOT_FEEDBACK.has(type)) return { kind: 'ignored', sourceId: message.id, reason: type };
  const profile = contacts.find((c) => c.wa_id === message.from) ?? contacts[0];
  const sender: Sender = {
    whatsappId: message.from,
    ...(phoneOfWhatsAppId(message.from) ? { phone: phoneOfWhatsAppId(message.from) } : {}),
    ...(profile?.profile?.name ? { displayName: profile.profile.name } : {}),
  };
  const base = {
    sourceId: message.id,
    sentAt: isoFromSeconds(message.timestamp),
    sender,
    chatId: message.from,
  };
  if (type === 'reaction') {
    const reaction = ReactionPart.safeParse(message.reaction);
    if (reaction.success) {
      const emoji = reaction.data.emoji || undefined;
      return {
        kind: 'reaction',
        targetId: reaction.data.message_id,
        emoji,
        draft: {
          ...base,
          text: emoji ? `Tepki: ${emoji}` : 'Tepki geri alındı',
          metadata: {
            whatsappType: 'reaction',
            reactionTo: reaction.data.message_id,
            ...(emoji ? { reactionEmoji: emoji } : { reactionRemoved: true }),
          },
        },
      };
    }
  }
  const body = bodyOf(type, message) ?? unknownBody(type, message);
  const media = body.media;
  return {
    kind: 'message',
    draft: {
      ...base,
      text: body.text,
      metadata: {
        whatsappType: type,
        ...contextMetadata(message),
        ...body.metadata,
        ...(media ? { mediaId: media.id } : {}),
        ...(media?.mime_type ? { mediaMimeType: media.mime_type } : {}),
      },
      ...(media
        ? { media: { mediaId: media.id, mimeType: media.mime_type, filename: media.filename } }
        : {}),
    },
  };
}

/** The text (and media) of each known type; undefined when the type's object is not there. */
function bodyOf(type: string, message: CloudMessage): Body | undefined {
  switch (type) {
    case 'text': {
      const text = TextPart.safeParse(message.text);
      return text.success ? { text: text.data.body } : undefined;
    }
    case 'image':
    case 'video':
    case 'sticker':
    case 'document': {
      const media = MediaPart.safeParse(message[type]);
      if (!media.success) return undefined;
      const label =
        type === 'document' && media.data.filename
          ? `[Belge: ${media.data.filename}]`
          : MEDIA_LABELS[type];
      const extra: Metadata =
        media.data.animated !== undefined ? { animated: media.data.animated } : {};
      return { text: media.data.caption || label, media: media.data, metadata: extra };
    }
    case 'audio': {
      const media = MediaPart.safeParse(message.audio);
      if (!media.success) return undefined;
      const voice = media.data.voice === true;
      return {
        text: voice ? '[Sesli mesaj]' : '[Ses dosyası]',
        media: media.data,
        metadata: { voice },
      };
    }
    case 'location': {
      const location = LocationPart.safeParse(message.location);
      if (!location.success) return undefined;
      const l = location.data;
      return {
        text: locationText(l),
        metadata: {
          latitude: l.latitude,
          longitude: l.longitude,
          ...(l.name ? { locationName: l.name } : {}),
          ...(l.address ? { locationAddress: l.address } : {}),
          ...(l.url ? { locationUrl: l.url } : {}),
        },
      };
    }
    case 'contacts': {
      const cards = ContactsPart.safeParse(message.contacts);
      return cards.success
        ? { text: contactsText(cards.data), metadata: { contactCount: cards.data.length } }
        : undefined;
    }
    case 'interactive': {
      const interactive = InteractivePart.safeParse(message.interactive);
      if (!interactive.success) return undefined;
      const i = interactive.data;
      const choice = i.button_reply ?? i.list_reply;
      if (choice) {
        const detail = choice.description ? ` (${choice.description})` : '';
        return {
          text: `Seçim: ${choice.title}${detail}`,
          metadata: { interactiveType: i.type, interactiveReplyId: choice.id },
        };
      }
      if (i.nfm_reply) {
        return {
          text: i.nfm_reply.body || '[Form yanıtı]',
          metadata: {
            interactiveType: i.type,
            ...(i.nfm_reply.response_json ? { flowResponse: i.nfm_reply.response_json } : {}),
          },
        };
      }
      return undefined;
    }
    case 'button': {
      const button = ButtonPart.safeParse(message.button);
      return button.success
        ? {
            text: `Seçim: ${button.data.text}`,
            metadata: button.data.payload ? { buttonPayload: button.data.payload } : {},
          }
        : undefined;
    }
    case 'unsupported': {
      const unsupported = UnsupportedPart.safeParse(message.unsupported);
      const what = (unsupported.success && unsupported.data?.type) || 'bilinmiyor';
      return {
        text: `[Desteklenmeyen mesaj türü: ${what}]`,
        metadata: {
          note: 'WhatsApp bu mesajın içeriğini iletmedi; müşteriden tekrar göndermesi istenebilir.',
          unsupportedType: what,
          ...errorMetadata(message),
        },
      };
    }
    default:
      return undefined;
  }
}

function unknownBody(type: string, message: CloudMessage): Body {
  return {
    text: `[Tanınmayan mesaj türü: ${type}]`,
    metadata: {
      note: 'Ağ geçidinin henüz tanımadığı bir WhatsApp mesaj türü; içerik ham olarak saklanmadı.',
      unknownType: type,
      ...errorMetadata(message),
    },
  };
}

function errorMetadata(message: CloudMessage): Metadata {
  const errors = ErrorsPart.safeParse(message.errors);
  const first = errors.success ? errors.data?.[0] : undefined;
  return first?.code !== undefined ? { errorCode: String(first.code) } : {};
}

/** Forwarding, reply-to, click-to-WhatsApp ads and product enquiries, as metadata. */
function contextMetadata(message: CloudMessage): Metadata {
  const out: Metadata = {};
  const context = ContextPart.safeParse(message.context);
  if (context.success && context.data) {
    const c = context.data;
    if (c.id) out.contextMessageId = c.id;
    if (c.forwarded) out.forwarded = true;
    if (c.frequently_forwarded) out.frequentlyForwarded = true;
    if (c.referred_product?.catalog_id) out.referredCatalogId = c.referred_product.catalog_id;
    if (c.referred_product?.product_retailer_id)
      out.referredProductId = c.referred_product.product_retailer_id;
  }
  const referral = ReferralPart.safeParse(message.referral);
  if (referral.success && referral.data) {
    const r = referral.data;
    if (r.source_type) out.referralSourceType = r.source_type;
    if (r.source_id) out.referralSourceId = r.source_id;
    if (r.source_url) out.referralSourceUrl = r.source_url;
    if (r.headline) out.referralHeadline = r.headline;
    if (r.ctwa_clid) out.ctwaClid = r.ctwa_clid;
  }
  return out;
}
