import { z } from 'zod';

/** The type-specific objects of Cloud API messages, each read on its own and loosely. */
const num = z.union([z.number(), z.string()]).transform(Number);
const str = z.string().optional();

export const TextPart = z.looseObject({ body: z.string() });

export const MediaPart = z.looseObject({
  id: z.string().min(1),
  mime_type: str,
  caption: str,
  filename: str,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});
export type MediaPart = z.infer<typeof MediaPart>;

export const LocationPart = z.looseObject({
  latitude: num,
  longitude: num,
  name: str,
  address: str,
  url: str,
});
export type LocationPart = z.infer<typeof LocationPart>;

const ContactCard = z.looseObject({
  name: z.looseObject({ formatted_name: str, first_name: str, last_name: str }).optional(),
  org: z.looseObject({ company: str }).optional(),
  phones: z.array(z.looseObject({ phone: str, wa_id: str })).optional(),
  emails: z.array(z.looseObject({ email: str })).optional(),
});
export const ContactsPart = z.array(ContactCard).min(1);
export type ContactsPart = z.infer<typeof ContactsPart>;

const Choice = z.looseObject({ id: z.string(), title: z.string(), description: str });
export const InteractivePart = z.looseObject({
  type: z.string(),
  button_reply: Choice.optional(),
  list_reply: Choice.optional(),
  nfm_reply: z.looseObject({ name: str, body: str, response_json: str }).optional(),
});

export const ButtonPart = z.looseObject({ text: z.string(), payload: str });

export const ReactionPart = z.looseObject({ message_id: z.string().min(1), emoji: str });

export const UnsupportedPart = z.looseObject({ type: str }).optional();

export const ContextPart = z
  .looseObject({
    id: str,
    from: str,
    forwarded: z.boolean().optional(),
    frequently_forwarded: z.boolean().optional(),
    referred_product: z.looseObject({ catalog_id: str, product_retailer_id: str }).optional(),
  })
  .optional();

export const ReferralPart = z
  .looseObject({
    source_type: str,
    source_id: str,
    source_url: str,
    headline: str,
    body: str,
    ctwa_clid: str,
  })
  .optional();

export const ErrorsPart = z
  .array(z.looseObject({ code: z.union([z.number(), z.string()]).optional(), title: str }))
  .optional();

/** "Konum: Philz Coffee, 101 Forest Ave (37.44, -122.16)": what a person reads on the case. */
export function locationText(location: LocationPart): string {
  const place = [location.name, location.address].filter(Boolean).join(', ');
  const where = `(${location.latitude}, ${location.longitude})`;
  return place ? `Konum: ${place} ${where}` : `Konum: ${where}`;
}

/** "Kişi kartı: Barbara J. Johnson (Social Tsunami), +1 (415) 555-0829" per card. */
export function contactsText(cards: ContactsPart): string {
  const summaries = cards.map((card) => {
    const name =
      card.name?.formatted_name ??
      [card.name?.first_name, card.name?.last_name].filter(Boolean).join(' ');
    const company = card.org?.company ? ` (${card.org.company})` : '';
    const reach = [
      ...(card.phones ?? []).map((p) => p.phone ?? p.wa_id),
      ...(card.emails ?? []).map((e) => e.email),
    ].filter(Boolean);
    return `${name || 'adsız'}${company}${reach.length > 0 ? `, ${reach.join(', ')}` : ''}`;
  });
  return `Kişi kartı: ${summaries.join('; ')}`;
}
