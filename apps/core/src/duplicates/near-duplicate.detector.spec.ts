import { labelledPairs, type LabelledPair } from './fixtures/labelled-pairs';
import { NearDuplicateDetector, type NearDuplicateComparison } from './near-duplicate.detector';

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

interface Scored {
  pair: LabelledPair;
  comparison: NearDuplicateComparison;
}

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function score(detector: NearDuplicateDetector): Scored[] {
  // Compared as stored: both sides as fingerprints, the way core compares a message with history.
  return labelledPairs.map((pair) => ({
    pair,
    comparison: detector.compare(detector.fingerprint(pair.a), detector.fingerprint(pair.b)),
  }));
}

function count(scored: readonly Scored[], predict: (s: Scored) => boolean): Counts {
  const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const s of scored) {
    const predicted = predict(s);
    if (predicted && s.pair.duplicate) counts.truePositives++;
    else if (predicted) counts.falsePositives++;
    else if (s.pair.duplicate) counts.falseNegatives++;
  }
  return counts;
}

function precision(c: Counts): number {
  return c.truePositives / Math.max(1, c.truePositives + c.falsePositives);
}

function recall(c: Counts): number {
  return c.truePositives / Math.max(1, c.truePositives + c.falseNegatives);
}

function row(label: string, c: Counts): string {
  const cells = [
    label.padEnd(34),
    precision(c).toFixed(3),
    recall(c).toFixed(3),
    String(c.truePositives).padStart(3),
    String(c.falsePositives).padStart(3),
    String(c.falseNegatives).padStart(3),
  ];
  return cells.join('  ');
}

describe('NearDuplicateDetector on the labelled pairs', () => {
  const detector = new NearDuplicateDetector();
  const scored = score(detector);
  const atDefault = count(scored, (s) => s.comparison.duplicate);

  it('has a labelled set big enough to measure, with both kinds of pair', () => {
    expect(labelledPairs.length).toBeGreaterThanOrEqual(100);
    expect(labelledPairs.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(40);
    expect(labelledPairs.filter((p) => !p.duplicate).length).toBeGreaterThanOrEqual(40);
  });

  it('finds resends with precision >= 0.95 and recall >= 0.80, and shows the other thresholds', () => {
    const lines = ['setting                             prec.  recall   tp   fp   fn'];
    for (const threshold of [0.8, 0.85, 0.88, 0.9, 0.95]) {
      const other = new NearDuplicateDetector({ threshold });
      const isDefault = threshold === detector.threshold;
      const label = `threshold ${threshold.toFixed(2)}${isDefault ? ' (default)' : ''}`;
      lines.push(
        row(
          label,
          count(score(other), (s) => s.comparison.duplicate),
        ),
      );
    }
    // The number veto's worth: the same decision as if conflicting numbers were not looked at.
    const withoutVeto = count(scored, (s) =>
      s.comparison.reason === 'numbers_differ'
        ? s.comparison.similarity >= detector.threshold
        : s.comparison.duplicate,
    );
    lines.push(row(`threshold ${detector.threshold.toFixed(2)}, no number veto`, withoutVeto));
    const wrong = scored
      .filter((s) => s.comparison.duplicate !== s.pair.duplicate)
      .map((s) => {
        const kind = s.pair.duplicate ? 'missed    ' : 'false link';
        return `  ${kind}  ${s.comparison.similarity.toFixed(3)}  ${s.pair.note}`;
      });
    console.log(
      [...lines, '', `wrong at the default (${detector.threshold}):`, ...wrong].join('\n'),
    );

    expect(precision(atDefault)).toBeGreaterThanOrEqual(0.95);
    expect(recall(atDefault)).toBeGreaterThanOrEqual(0.8);
    expect(precision(withoutVeto)).toBeLessThan(precision(atDefault));
  });

  it('links every kind of small edit except, at worst, a few short versions and a paraphrase', () => {
    const missed = scored.filter((s) => s.pair.duplicate && !s.comparison.duplicate);
    const kinds = new Set(missed.map((s) => s.pair.note.split(':')[0]));
    for (const kind of kinds) expect(['whatsapp short', 'paraphrase']).toContain(kind);
  });

  it('never links two messages that name different order numbers', () => {
    const otherOrder = scored.filter((s) => s.pair.note.startsWith('other order:'));
    expect(otherOrder.length).toBeGreaterThanOrEqual(10);
    for (const s of otherOrder) expect(s.comparison.duplicate).toBe(false);
  });
});

describe('NearDuplicateDetector signatures', () => {
  const detector = new NearDuplicateDetector();

  it('is deterministic: two instances give the same signature and fingerprint', () => {
    const other = new NearDuplicateDetector();
    for (const pair of labelledPairs) {
      expect(other.signature(pair.a)).toEqual(detector.signature(pair.a));
      expect(other.fingerprint(pair.b)).toEqual(detector.fingerprint(pair.b));
    }
  });

  it('gives the same values in every process and release (bump FORMAT_VERSION to change them)', () => {
    const fingerprint = detector.fingerprint(
      'Kadıköy mağazasında kasiyer bana kaba davrandı, sipariş 4812273.',
    );
    expect(fingerprint.slice(0, 7)).toEqual([
      0x4e140080, 58, 8, -1894812946, -2119884970, -1916316714, -2091935006,
    ]);
    expect(fingerprint).toHaveLength(3 + 128 + 1);
    expect(fingerprint.at(-1)).toBe(1982445550);
  });

  it('has permutations values per signature, each an int4', () => {
    const outOfRange: number[] = [];
    for (const text of labelledPairs.flatMap((p) => [p.a, p.b])) {
      const signature = detector.signature(text);
      expect(signature).toHaveLength(detector.permutations);
      for (const value of [...signature, ...detector.fingerprint(text)]) {
        if (!Number.isInteger(value) || value < INT4_MIN || value > INT4_MAX)
          outOfRange.push(value);
      }
    }
    expect(outOfRange).toEqual([]);
  });

  it('folds Turkish case, dotless i and diacritics before hashing', () => {
    const pairs: [string, string][] = [
      ['KADIKÖY', 'kadikoy'],
      ['KADIKÖY mağazasında kasiyer kaba davrandı', 'kadikoy magazasinda kasiyer kaba davrandi'],
      ['İADE ETTİĞİM ÜRÜNÜN ÜCRETİ YATMADI', 'iade ettigim urunun ucreti yatmadi'],
      ['Şikâyət göndərirəm', 'sikayet gonderirem'],
    ];
    for (const [a, b] of pairs) {
      expect(detector.signature(a)).toEqual(detector.signature(b));
      expect(detector.similarity(detector.signature(a), detector.signature(b))).toBe(1);
    }
    const long = pairs[1];
    expect(detector.compare(long[0], long[1])).toMatchObject({ duplicate: true, similarity: 1 });
  });

  it('estimates Jaccard similarity in [0, 1]', () => {
    const a = detector.signature('Kargo firması paketimi komşuya bırakmış, lütfen ilgilenin.');
    const b = detector.signature('Kasiyer para üstünü eksik verdi, kamera kayıtlarına bakın.');
    expect(detector.similarity(a, a)).toBe(1);
    const value = detector.similarity(a, b);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(0.2);
    expect(() => detector.similarity(a, a.slice(1))).toThrow(RangeError);
  });
});

describe('NearDuplicateDetector decisions', () => {
  const detector = new NearDuplicateDetector();
  const complaint =
    'Bakırköy mağazasında aldığım mont iki yıkamada söküldü. Mağaza iade almadı, garanti belgesi istediler.';

  it('treats an empty text as saying nothing: never a duplicate, not even of another empty one', () => {
    for (const empty of ['', '   ', '!!! ... ?', '😡😡']) {
      expect(detector.signature(empty)).toEqual([]);
      expect(detector.fingerprint(empty)).toHaveLength(3);
      expect(detector.compare(empty, complaint)).toMatchObject({
        duplicate: false,
        reason: 'empty',
      });
      expect(detector.compare(empty, '')).toMatchObject({ duplicate: false, reason: 'empty' });
    }
    expect(detector.similarity([], detector.signature(complaint))).toBe(0);
  });

  it('links a text of fewer than five words only to the same words', () => {
    expect(detector.compare('Kargom nerede?', 'KARGOM NEREDE!!')).toMatchObject({
      duplicate: true,
      reason: 'identical',
    });
    expect(detector.isNearDuplicate('Merhaba', 'merhaba')).toBe(true);
    expect(detector.compare('Kargom hâlâ gelmedi', 'Kargom gelmedi')).toMatchObject({
      duplicate: false,
      reason: 'too_short',
    });
    expect(detector.compare('Siparişim 123456 gelmedi', 'Siparişim 654321 gelmedi').duplicate).toBe(
      false,
    );
    // Fully contained, but three words are no evidence of the same complaint.
    expect(detector.compare('mont söküldü', complaint)).toMatchObject({
      duplicate: false,
      reason: 'too_short',
    });
  });

  it('vetoes a match when each text names a long number the other lacks', () => {
    const late = (order: string, phone = '') =>
      `Merhaba, ${order} numaralı siparişim 10 gündür kargoda bekliyor, bilgi verir misiniz? ${phone}`;
    expect(detector.compare(late('4812273'), late('4812291'))).toMatchObject({
      duplicate: false,
      reason: 'numbers_differ',
    });
    // The same phone number in both signatures does not make two orders one.
    expect(
      detector.compare(late('4812273', '05321112233'), late('4812291', '05321112233')).reason,
    ).toBe('numbers_differ');
    // A number on one side only, or an extra one, is what resends look like.
    expect(detector.isNearDuplicate(late('4812273'), late(''))).toBe(true);
    expect(detector.isNearDuplicate(late('4812273', '05321112233'), late('4812273'))).toBe(true);
    // Prices, dates and short codes are not identifiers.
    expect(
      detector.isNearDuplicate(`${complaint} 1.299 TL, 12.03.2026`, `${complaint} 1.349 TL`),
    ).toBe(true);
  });

  it('does not let a long text swallow a short one', () => {
    const digest = labelledPairs.map((p) => p.a).join('\n');
    expect(detector.compare(complaint, digest)).toMatchObject({
      duplicate: false,
      reason: 'lengths_differ',
    });
  });

  it('compares a new text with a stored fingerprint as it compares two fingerprints', () => {
    const stored = detector.fingerprint(complaint);
    const resend = `Hâlâ cevap alamadım: ${complaint}`;
    expect(detector.compare(resend, stored)).toEqual(
      detector.compare(detector.fingerprint(resend), stored),
    );
    expect(detector.isNearDuplicate(resend, stored)).toBe(true);
  });

  it('refuses to compare fingerprints of another configuration or arrays that are not fingerprints', () => {
    const other = new NearDuplicateDetector({ permutations: 64 });
    const incompatible = [
      other.fingerprint(complaint),
      detector.signature(complaint),
      [],
      detector.fingerprint(complaint).slice(0, 50),
    ];
    for (const fingerprint of incompatible) {
      expect(detector.compare(complaint, fingerprint)).toMatchObject({
        duplicate: false,
        reason: 'incompatible',
      });
    }
  });

  it('rejects options that cannot work', () => {
    expect(() => new NearDuplicateDetector({ permutations: 0 })).toThrow(RangeError);
    expect(() => new NearDuplicateDetector({ permutations: 1.5 })).toThrow(RangeError);
    expect(() => new NearDuplicateDetector({ shingleSize: 16 })).toThrow(RangeError);
    expect(() => new NearDuplicateDetector({ threshold: 0 })).toThrow(RangeError);
    expect(() => new NearDuplicateDetector({ threshold: 1.2 })).toThrow(RangeError);
    expect(() => new NearDuplicateDetector({ minTokens: 0 })).toThrow(RangeError);
  });

  it('fingerprints thousands of messages a second', () => {
    const texts = labelledPairs.flatMap((p) => [p.a, p.b]);
    const started = performance.now();
    for (let round = 0; round < 10; round++) for (const text of texts) detector.fingerprint(text);
    const perSecond = (10 * texts.length * 1000) / (performance.now() - started);
    // About 20 000 a second on a laptop; the bound only catches an accidental quadratic.
    expect(perSecond).toBeGreaterThan(2000);
  });
});
