/**
 * Lines that introduce the quoted previous message in a reply, as the common clients write them
 * in Turkish, Azerbaijani, English and German. Matched against one line or two joined (clients
 * wrap long "On ... wrote:" lines).
 */
const ATTRIBUTION = [
  /^On .{4,300}wrote:\s*$/i,
  /^.{4,300}\s(tarihinde|tarixində).{0,300}\s(yazdı|yazmış):\s*$/i,
  /^Am .{4,300}\sschrieb .{0,300}:\s*$/i,
  /^Le .{4,300}\sa écrit\s?:\s*$/i,
];
/** Separators Outlook and webmails put above the quoted message. */
const SEPARATOR =
  /^\s*-{2,}\s*(original message|orijinal ileti|özgün ileti|orijinal mesaj|ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$/i;
const OUTLOOK_FROM = /^\s*\*?(from|kimden|von|de|göndərən):\*?\s/i;
const OUTLOOK_NEXT =
  /^\s*\*?(sent|date|gönderildi|tarih|gesendet|envoyé|to|kime|an|göndərildi):\*?\s/i;
const UNDERSCORES = /^_{10,}\s*$/;

function isAttribution(lines: readonly string[], i: number): boolean {
  const line = lines[i].trim();
  const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`.trim();
  // A date or an address in it: "On Monday the manager wrote:" is the customer talking.
  const looksGenerated = (candidate: string) =>
    /[\d@]/.test(candidate) && ATTRIBUTION.some((p) => p.test(candidate));
  const next = lines[i + 1]?.trim() ?? '';
  // Joined only when the next line is not an attribution by itself (then this line is the
  // customer's last sentence).
  return (
    looksGenerated(line) || (line.length > 0 && !looksGenerated(next) && looksGenerated(joined))
  );
}

function isOutlookHeader(lines: readonly string[], i: number): boolean {
  if (SEPARATOR.test(lines[i])) return true;
  const start = UNDERSCORES.test(lines[i]) ? i + 1 : i;
  return (
    OUTLOOK_FROM.test(lines[start] ?? '') &&
    [1, 2, 3].some((k) => OUTLOOK_NEXT.test(lines[start + k] ?? ''))
  );
}

export interface StrippedText {
  text: string;
  stripped: boolean;
}

/**
 * The customer's own words in a reply: what stands above the quoted previous message, without
 * `>` quote lines. Quoted history makes every answer look like a repeat of the first complaint
 * to duplicate detection and classification. The full mail stays in the raw blob. A mail that
 * is nothing but quotes (or a forward) keeps its text: then the quote is the message.
 */
export function stripQuotedHistory(text: string): StrippedText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isAttribution(lines, i) || isOutlookHeader(lines, i)) {
      cut = i;
      break;
    }
  }
  const kept = lines.slice(0, cut).filter((line) => !/^\s*>/.test(line));
  const result = kept.join('\n').trim();
  if (result === '') return { text, stripped: false };
  return { text: result, stripped: result !== text.trim() };
}
