import { foldedTokens, foldForMatching } from '../text/turkish-text';
import { normalizeContact, type RoutingCatalogue, type Store } from './routing-catalogue';

export type RoutingDecision =
  | {
      kind: 'store';
      storeCode: string;
      regionCode: string;
      via: 'store_code' | 'recipient' | 'channel_account' | 'text';
      matched?: string;
    }
  | {
      kind: 'region';
      regionCode: string;
      via: 'recipient' | 'channel_account' | 'text';
      /** Stores the message may be about; empty when nothing narrowed the region down. */
      candidates: string[];
      matched?: string;
    }
  | { kind: 'triage'; reason: string };

export interface RoutingInput {
  storeCode?: string;
  /** The address or line the message was sent to. */
  recipient?: string;
  /** The channel account it arrived on (mailbox, WhatsApp number...). */
  channelAccount: string;
  subject?: string;
  text: string;
}

type PhraseKind = 'store' | 'district' | 'city';
type ContactVia = 'recipient' | 'channel_account';

/** One folded name, alias, district or city, with every store it stands for. */
interface Phrase {
  kind: PhraseKind;
  words: readonly string[];
  /** As written in the catalogue: what `matched` reports. */
  label: string;
  storeCodes: string[];
  /** Whether the last word may carry a Turkish suffix without an apostrophe ("Kadıköydeki"). */
  suffixable: boolean;
}

interface Hit {
  phrase: Phrase;
  start: number;
  end: number;
}

interface TextFinding {
  codes: Set<string>;
  labels: string[];
}

/**
 * Shortest word that may carry a suffix without an apostrophe. Below it only whole words match,
 * so a short alias is not found inside a longer word. Places are stricter than store aliases
 * because short place names are also common words with a suffix: "Kars" in "karşısında".
 */
const MIN_SUFFIX_STEM: Record<PhraseKind, number> = { store: 4, district: 5, city: 5 };

/**
 * Inflections a place name takes in running text, folded (ı -> i, ü -> u): case endings
 * (-de, -den, -e, -i, -in, -le), -ki/-deki, plural, -li, with their buffer consonants (y, n, s),
 * up to three in a row ("Caddesindeki" = caddesi + n + deki, "Kızılaydaki", "Antalyaya").
 */
const SUFFIX =
  /^(?:[yns]?(?:deki|daki|teki|taki|den|dan|ten|tan|de|da|te|ta|ler|lar|le|la|ki|li|lu|in|un|e|a|i|u)){1,3}$/;
const MAX_SUFFIX_LENGTH = 9;

/** Words that are a district or city name somewhere but too common to route by. */
const TOO_GENERIC = new Set(['merkez']);

/**
 * Titles that follow a person's bare name. Complaints name employees ("Nilüfer Hanım", "Aydın
 * Bey"), and many given names and surnames are also districts or cities.
 */
const HONORIFICS = ['bey', 'hanim'];

/** Never equal to a folded word, so a phrase cannot run from the subject into the text. */
const BARRIER = '';

/**
 * Decides which store (or at least which region) a message is about, from the catalogue loaded
 * at construction. Every index is built once here; `resolve` does map lookups and one shared
 * suffix regex, so it stays cheap at thousands of messages per second.
 */
export class StoreResolver {
  private readonly storesByCode = new Map<string, Store>();
  private readonly storesByContact = new Map<string, string[]>();
  private readonly regionsByContact = new Map<string, string[]>();
  private readonly phrasesByFirstWord = new Map<string, Phrase[]>();
  /** Single-word phrases that may be suffixed, by their word: looked up by a token's prefixes. */
  private readonly suffixablePhrases = new Map<string, Phrase[]>();

  constructor(catalogue: RoutingCatalogue) {
    const activeRegions = new Set(catalogue.regions.map((r) => r.code));
    const phrases = new Map<string, Phrase>();
    const addPhrase = (kind: PhraseKind, label: string, storeCode: string) => {
      const folded = foldForMatching(label);
      if (folded === '' || TOO_GENERIC.has(folded)) return;
      const key = `${kind}:${folded}`;
      const existing = phrases.get(key);
      if (existing) {
        if (!existing.storeCodes.includes(storeCode)) existing.storeCodes.push(storeCode);
        return;
      }
      const words = folded.split(' ');
      const last = words[words.length - 1];
      phrases.set(key, {
        kind,
        words,
        label,
        storeCodes: [storeCode],
        suffixable: last.length >= MIN_SUFFIX_STEM[kind],
      });
    };

    for (const region of catalogue.regions) {
      for (const contact of region.contacts)
        this.addContact(this.regionsByContact, contact, region.code);
    }
    for (const store of catalogue.stores) {
      if (!activeRegions.has(store.regionCode)) continue;
      this.storesByCode.set(store.code.toUpperCase(), store);
      for (const contact of store.contacts)
        this.addContact(this.storesByContact, contact, store.code);
      addPhrase('store', store.name, store.code);
      for (const alias of store.aliases) addPhrase('store', alias, store.code);
      addPhrase('district', store.district, store.code);
      addPhrase('city', store.city, store.code);
    }

    for (const phrase of phrases.values()) {
      push(this.phrasesByFirstWord, phrase.words[0], phrase);
      if (phrase.words.length === 1 && phrase.suffixable)
        push(this.suffixablePhrases, phrase.words[0], phrase);
    }
  }

  resolve(input: RoutingInput): RoutingDecision {
    const code = input.storeCode?.trim().toUpperCase();
    const byCode = code ? this.storesByCode.get(code) : undefined;
    if (byCode) {
      return {
        kind: 'store',
        storeCode: byCode.code,
        regionCode: byCode.regionCode,
        via: 'store_code',
        matched: byCode.code,
      };
    }

    const contacts: [ContactVia, string | undefined][] = [
      ['recipient', input.recipient ? normalizeContact(input.recipient) : undefined],
      ['channel_account', normalizeContact(input.channelAccount)],
    ];
    // A store's own address is more specific than its region's, whichever field carries it.
    for (const [via, contact] of contacts) {
      const codes = contact ? this.storesByContact.get(contact) : undefined;
      const decision = codes ? this.decide(new Set(codes), via, contact) : undefined;
      if (decision && decision.kind !== 'triage') return decision;
    }

    const tokens = [...foldedTokens(input.subject ?? ''), BARRIER, ...foldedTokens(input.text)];
    const hits = this.findHits(tokens);

    for (const [via, contact] of contacts) {
      const regionCode = contact ? this.regionsByContact.get(contact)?.[0] : undefined;
      if (!regionCode) continue;
      // A regional mailbox or line fixes the region; the text may still say which of its stores.
      const finding = this.interpret(hits, regionCode);
      if (finding?.codes.size === 1) return this.decide(finding.codes, 'text', finding.labels);
      return {
        kind: 'region',
        regionCode,
        via,
        candidates: finding ? [...finding.codes].sort() : [],
        matched: contact,
      };
    }

    const finding = this.interpret(hits);
    if (finding) return this.decide(finding.codes, 'text', finding.labels);
    return {
      kind: 'triage',
      reason: code
        ? 'the store code is not in the catalogue and nothing else names a store or region'
        : 'no store code, known recipient, known channel account or place name in the text',
    };
  }

  private addContact(index: Map<string, string[]>, contact: string, code: string): void {
    const normalized = normalizeContact(contact);
    if (normalized) push(index, normalized, code);
  }

  /** Every place a name, alias, district or city of the catalogue occurs in the tokens. */
  private findHits(tokens: readonly string[]): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      for (const phrase of this.phrasesByFirstWord.get(token) ?? []) {
        const end = i + phrase.words.length;
        if (matchesRest(phrase, tokens, i) && !isHonorific(tokens[end]))
          hits.push({ phrase, start: i, end });
      }
      const shortestStem = Math.max(MIN_SUFFIX_STEM.store, token.length - MAX_SUFFIX_LENGTH);
      for (let stem = shortestStem; stem < token.length; stem++) {
        const phrases = this.suffixablePhrases.get(token.slice(0, stem));
        if (!phrases || !SUFFIX.test(token.slice(stem))) continue;
        for (const phrase of phrases) hits.push({ phrase, start: i, end: i + 1 });
      }
    }
    return hits;
  }

  /**
   * The most specific level the text names, optionally within one region: store names and
   * aliases first, then districts (narrowed by a city named alongside, "İzmir Karşıyaka"), then
   * cities.
   */
  private interpret(hits: readonly Hit[], regionCode?: string): TextFinding | undefined {
    const within = (codes: Iterable<string>) =>
      [...codes].filter(
        (c) => regionCode === undefined || this.storesByCode.get(c)?.regionCode === regionCode,
      );
    const collect = (kind: PhraseKind): TextFinding => {
      const ofKind = hits.filter((h) => h.phrase.kind === kind);
      // "Forum İstanbul AVM" is one store even if another store's alias is "Forum".
      const kept =
        kind === 'store'
          ? ofKind.filter(
              (h) =>
                !ofKind.some(
                  (o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start,
                ),
            )
          : ofKind;
      const codes = new Set<string>();
      const labels: string[] = [];
      for (const hit of kept) {
        const inside = within(hit.phrase.storeCodes);
        if (inside.length === 0) continue;
        inside.forEach((c) => codes.add(c));
        if (!labels.includes(hit.phrase.label)) labels.push(hit.phrase.label);
      }
      return { codes, labels };
    };

    const stores = collect('store');
    if (stores.codes.size > 0) return stores;
    const districts = collect('district');
    const cities = collect('city');
    if (districts.codes.size > 0) {
      const inCity = [...districts.codes].filter((c) => cities.codes.has(c));
      if (inCity.length > 0 && inCity.length < districts.codes.size)
        return { codes: new Set(inCity), labels: [...districts.labels, ...cities.labels] };
      return districts;
    }
    return cities.codes.size > 0 ? cities : undefined;
  }

  private decide(
    codes: ReadonlySet<string>,
    via: ContactVia | 'text',
    matched: string | readonly string[] | undefined,
  ): RoutingDecision {
    const label = typeof matched === 'string' ? matched : matched?.join(', ');
    const stores = [...codes].flatMap((c) => this.storesByCode.get(c.toUpperCase()) ?? []);
    const regions = [...new Set(stores.map((s) => s.regionCode))].sort();
    if (stores.length === 1)
      return {
        kind: 'store',
        storeCode: stores[0].code,
        regionCode: stores[0].regionCode,
        via,
        matched: label,
      };
    if (regions.length === 1)
      return {
        kind: 'region',
        regionCode: regions[0],
        via,
        candidates: stores.map((s) => s.code).sort(),
        matched: label,
      };
    return {
      kind: 'triage',
      reason:
        regions.length === 0
          ? 'no active store matched'
          : `${label ? `"${label}" matches` : 'matches'} stores in several regions (${regions.join(', ')})`,
    };
  }
}

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function isHonorific(token: string | undefined): boolean {
  if (token === undefined) return false;
  return HONORIFICS.some(
    (title) =>
      token === title || (token.startsWith(title) && SUFFIX.test(token.slice(title.length))),
  );
}

/** The phrase's other words follow at `start`; only the last may carry a suffix. */
function matchesRest(phrase: Phrase, tokens: readonly string[], start: number): boolean {
  const last = phrase.words.length - 1;
  for (let j = 1; j <= last; j++) {
    const token = tokens[start + j];
    if (token === undefined) return false;
    const word = phrase.words[j];
    if (token === word) continue;
    if (
      j === last &&
      phrase.suffixable &&
      token.length > word.length &&
      token.length - word.length <= MAX_SUFFIX_LENGTH &&
      token.startsWith(word) &&
      SUFFIX.test(token.slice(word.length))
    )
      continue;
    return false;
  }
  return true;
}
