import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CategoryTreeError,
  loadCategoryTree,
  UNCATEGORISED,
  type CategoryTree,
} from './category-tree';
import { FeedbackClassifier, type Classification } from './feedback-classifier';
import { development, heldOut, revision, type LabelledMessage } from './fixtures/labelled-messages';

const SEED_FILE = join(__dirname, '../../../../deploy/seed/category-tree.json');

function seedTree(): CategoryTree {
  return loadCategoryTree(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
}

/**
 * Floors a little under what was measured. The seen sets guard against regressions; the held-out
 * floor is what keyword rules really do on unseen wording, and it is low on purpose: see the
 * fixture file for the history, and do not raise it by adding held-out misses to the keywords.
 */
const FLOORS = {
  seen: { type: 0.95, category: 0.9, branch: 0.9 },
  heldOut: { type: 0.9, category: 0.35, branch: 0.5 },
};

interface Score {
  set: string;
  messages: number;
  type: number;
  category: number;
  /** The top-level category is right (a parent-only answer in the right branch counts). */
  branch: number;
  misses: string[];
}

const branchOf = (code: string) => code.split('.')[0];

function score(
  classifier: FeedbackClassifier,
  set: string,
  messages: readonly LabelledMessage[],
): Score {
  let typeHits = 0;
  let categoryHits = 0;
  let branchHits = 0;
  const misses: string[] = [];
  for (const m of messages) {
    const got = classifier.classify({ text: m.text, subject: m.subject });
    const typeOk = got.type === m.type;
    const categoryOk = got.category === m.category;
    if (typeOk) typeHits++;
    if (categoryOk) categoryHits++;
    if (branchOf(got.category) === branchOf(m.category)) branchHits++;
    if (!typeOk || !categoryOk) misses.push(describeMiss(m, got));
  }
  return {
    set,
    messages: messages.length,
    type: typeHits / messages.length,
    category: categoryHits / messages.length,
    branch: branchHits / messages.length,
    misses,
  };
}

function describeMiss(m: LabelledMessage, got: Classification): string {
  const type = got.type === m.type ? m.type : `${m.type} -> ${got.type}`;
  const category = got.category === m.category ? m.category : `${m.category} -> ${got.category}`;
  return `[${m.language}] ${type} | ${category} | ${m.text.slice(0, 70)} (${got.matchedKeywords.join(', ')})`;
}

function table(scores: readonly Score[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = scores.map(
    (s) =>
      `| ${s.set.padEnd(12)} | ${String(s.messages).padStart(8)} | ${pct(s.type)} | ${pct(s.category)}  | ${pct(s.branch)}         |`,
  );
  return [
    '| set          | messages |    type | category | top-level branch |',
    '|--------------|----------|---------|----------|------------------|',
    ...rows,
  ].join('\n');
}

describe('FeedbackClassifier on labelled messages', () => {
  const classifier = new FeedbackClassifier(seedTree());
  const scores = [
    score(classifier, 'development', development),
    score(classifier, 'revision', revision),
    score(classifier, 'held-out', heldOut),
    score(classifier, 'all', [...development, ...revision, ...heldOut]),
  ];

  beforeAll(() => {
    // Printed on purpose: the table is the point of this suite, and the misses show what to fix.
    process.stdout.write(`\nClassifier accuracy\n${table(scores)}\n`);
    for (const s of scores.slice(0, 3)) {
      process.stdout.write(`\nMisses (${s.set}):\n${s.misses.map((m) => `  ${m}`).join('\n')}\n`);
    }
  });

  it('has enough labelled messages to mean something', () => {
    expect(development.length + revision.length + heldOut.length).toBeGreaterThanOrEqual(60);
  });

  it('labels only categories that exist in the seed tree', () => {
    const codes = new Set([UNCATEGORISED]);
    const visit = (nodes: CategoryTree['categories']) => {
      for (const n of nodes) {
        codes.add(n.code);
        visit(n.children);
      }
    };
    visit(seedTree().categories);
    const unknown = [...development, ...revision, ...heldOut].filter((m) => !codes.has(m.category));
    expect(unknown.map((m) => m.category)).toEqual([]);
  });

  it.each([
    ['development', 0],
    ['revision', 1],
  ])('meets the accuracy floors on the %s set', (_name, i) => {
    expect(scores[i].type).toBeGreaterThanOrEqual(FLOORS.seen.type);
    expect(scores[i].category).toBeGreaterThanOrEqual(FLOORS.seen.category);
    expect(scores[i].branch).toBeGreaterThanOrEqual(FLOORS.seen.branch);
  });

  it('meets the accuracy floors on the held-out set', () => {
    expect(scores[2].type).toBeGreaterThanOrEqual(FLOORS.heldOut.type);
    expect(scores[2].category).toBeGreaterThanOrEqual(FLOORS.heldOut.category);
    expect(scores[2].branch).toBeGreaterThanOrEqual(FLOORS.heldOut.branch);
  });
});

/** A small tree written for the unit tests, so they do not depend on the seed's wording. */
function miniTree(): CategoryTree {
  return loadCategoryTree({
    version: 1,
    categories: [
      {
        code: 'delivery',
        name: { tr: 'Teslimat ve kargo', az: 'Çatdırılma', en: 'Delivery' },
        keywords: { tr: ['kargo'], en: ['parcel'] },
        sla: { resolutionDays: 7 },
        children: [
          {
            code: 'delivery.late',
            name: { tr: 'Geç teslimat', az: 'Gecikmiş çatdırılma', en: 'Late delivery' },
            keywords: { tr: ['geç geldi', 'gecik'] },
            weakKeywords: { tr: ['gelmedi'] },
            sla: { acknowledgeHours: 3 },
          },
          {
            code: 'delivery.damaged',
            name: { tr: 'Hasarlı paket', az: 'Zədələnmiş bağlama', en: 'Damaged parcel' },
            keywords: { tr: ['hasarlı', 'ezik'] },
          },
        ],
      },
      {
        code: 'returns',
        name: { tr: 'İade ve değişim', az: 'Qaytarma', en: 'Returns' },
        keywords: { tr: ['iade'] },
        children: [
          {
            code: 'returns.refund_delay',
            name: { tr: 'Para iadesi gecikmesi', az: 'Pulun qaytarılması', en: 'Refund delay' },
            keywords: { tr: ['para iade'] },
            sla: { resolutionDays: 5 },
          },
        ],
      },
      {
        code: 'invoice',
        name: { tr: 'Fatura', az: 'Faktura', en: 'Invoice' },
        keywords: { tr: ['fatura', 'fiş'] },
      },
      {
        code: 'product',
        name: { tr: 'Ürün', az: 'Məhsul', en: 'Product' },
        keywords: { tr: ['sorun', 'kusur'] },
      },
    ],
  });
}

describe('FeedbackClassifier', () => {
  const classifier = new FeedbackClassifier(miniTree());

  describe('type', () => {
    it('takes a declared type over any keyword', () => {
      const result = classifier.classify({
        text: 'Çok teşekkür ederim, harika bir hizmet',
        declaredType: 'complaint',
      });
      expect(result).toMatchObject({ type: 'complaint', typeSource: 'declared' });
    });

    it('defaults to complaint when nothing says otherwise', () => {
      expect(classifier.classify({ text: 'Merhaba' })).toMatchObject({
        type: 'complaint',
        typeSource: 'default',
      });
    });

    it.each([
      ['Personeliniz çok yardımcı oldu, teşekkür ederim', 'praise'],
      ['Təşəkkür edirəm, hər şey əla idi', 'praise'],
      ['Thank you, the staff were amazing', 'praise'],
      ['Bir önerim var: otoparka şarj istasyonu eklenebilir', 'suggestion'],
      ['Təklifim var: mobil tətbiqə kampaniyalar əlavə olunsa', 'suggestion'],
      ['I suggest opening earlier on Sundays', 'suggestion'],
      ['Faturamı e-posta ile gönderebilir misiniz?', 'request'],
      ['Xahiş edirəm qəbzi göndərin', 'request'],
      ['Could you send me the receipt please?', 'request'],
      ['Kargom hâlâ gelmedi, rezalet', 'complaint'],
    ])('reads %j as %s', (text, type) => {
      expect(classifier.classify({ text })).toMatchObject({ type, typeSource: 'keywords' });
    });

    it('reads thanks followed by "but" as a cushioned complaint', () => {
      expect(classifier.classify({ text: 'Teşekkür ederim ama ürün hâlâ gelmedi' }).type).toBe(
        'complaint',
      );
      expect(classifier.classify({ text: 'Ürün güzel ama bedeni dar' }).type).toBe('complaint');
    });

    it('reads negated praise as a complaint', () => {
      expect(classifier.classify({ text: 'Personel hiç nazik değildi' }).type).toBe('complaint');
      expect(classifier.classify({ text: "The cashier wasn't helpful" }).type).toBe('complaint');
      expect(classifier.classify({ text: 'Hizmetinizden memnun değilim' }).type).toBe('complaint');
    });

    it('does not take politeness formulas for praise', () => {
      expect(
        classifier.classify({ text: 'Şimdiden teşekkürler, fatura adresimi nasıl değiştiririm?' })
          .type,
      ).toBe('request');
    });

    it('treats a demanded refund as a complaint and a question about returns as a request', () => {
      expect(classifier.classify({ text: 'iade istiyorum' }).type).toBe('complaint');
      expect(classifier.classify({ text: 'Paramı geri istiyorum' }).type).toBe('complaint');
      expect(
        classifier.classify({ text: 'Ürünü iade etmek istiyorum, nasıl yapabilirim?' }).type,
      ).toBe('request');
    });

    it('does not read "problem-free" as a problem', () => {
      expect(
        classifier.classify({ text: 'Kusursuz ve sorunsuz bir alışverişti, teşekkürler' }).type,
      ).toBe('praise');
    });
  });

  describe('category', () => {
    it('returns uncategorised when no keyword matches', () => {
      expect(classifier.classify({ text: 'Bayramda açık mısınız?' })).toMatchObject({
        category: UNCATEGORISED,
        categoryPath: [UNCATEGORISED],
        categorySource: 'none',
        slaOverrides: {},
      });
    });

    it('matches stems through Turkish suffixes, case, dotless i and missing diacritics', () => {
      for (const text of ['KARGOM GECİKTİ', 'kargomun gecikmesi', 'Kargodan haber yok, gecikti']) {
        expect(classifier.classify({ text }).category).toBe('delivery.late');
      }
    });

    it('matches short keywords only as whole words', () => {
      // "fiş" is three letters: "fişek" (a firework) is not a receipt.
      expect(classifier.classify({ text: 'fişek' }).category).toBe(UNCATEGORISED);
      expect(classifier.classify({ text: 'fiş verilmedi' }).category).toBe('invoice');
    });

    it('does not let a stem match its "without" form', () => {
      expect(classifier.classify({ text: 'kusursuz' }).category).toBe(UNCATEGORISED);
      expect(classifier.classify({ text: 'kusurlu' }).category).toBe('product');
    });

    it('prefers the longer phrase and the deeper category', () => {
      const result = classifier.classify({ text: 'para iadem hâlâ yapılmadı' });
      expect(result).toMatchObject({
        category: 'returns.refund_delay',
        categoryPath: ['returns', 'returns.refund_delay'],
        categorySource: 'keywords',
      });
      expect(result.matchedKeywords).toContain('para iade');
    });

    it('stops at the parent when only the parent is named', () => {
      expect(classifier.classify({ text: 'Kargo ile ilgili bir şikayetim var' }).category).toBe(
        'delivery',
      );
    });

    it('counts weak keywords only next to a keyword of their branch', () => {
      expect(classifier.classify({ text: 'faturam gelmedi' }).category).toBe('invoice');
      expect(classifier.classify({ text: 'kargom gelmedi' }).category).toBe('delivery.late');
    });

    it('matches multi-word keywords only on consecutive words', () => {
      expect(classifier.classify({ text: 'geç kaldım ama geldi' }).category).toBe(UNCATEGORISED);
      expect(classifier.classify({ text: 'geç geldi' }).category).toBe('delivery.late');
    });

    it('breaks ties deterministically, by file order', () => {
      const results = new Set(
        Array.from({ length: 5 }, () => classifier.classify({ text: 'kargo iade' }).category),
      );
      expect([...results]).toEqual(['delivery']);
    });

    it('uses a declared category given by code or by name in any language', () => {
      for (const declaredCategory of [
        'delivery.damaged',
        'DELIVERY.DAMAGED',
        'Hasarlı paket',
        'HASARLI PAKET',
        'hasarli paket',
        'Zədələnmiş bağlama',
        'Damaged parcel',
        'Teslimat ve kargo > Hasarlı paket',
      ]) {
        expect(classifier.classify({ text: 'para iadem gecikti', declaredCategory })).toMatchObject(
          { category: 'delivery.damaged', categorySource: 'declared' },
        );
      }
    });

    it('lets keywords refine a declared parent, never leave it', () => {
      expect(
        classifier.classify({ text: 'kutu ezik geldi', declaredCategory: 'Teslimat ve Kargo' }),
      ).toMatchObject({ category: 'delivery.damaged', categorySource: 'declared' });
      expect(
        classifier.classify({ text: 'para iadem gecikti', declaredCategory: 'Delivery' }),
      ).toMatchObject({ category: 'delivery.late', categorySource: 'declared' });
    });

    it('falls back to keywords when the declared category is unknown', () => {
      for (const declaredCategory of ['Diğer', 'uncategorised', '']) {
        expect(classifier.classify({ text: 'paket ezik geldi', declaredCategory })).toMatchObject({
          category: 'delivery.damaged',
          categorySource: 'keywords',
        });
      }
    });
  });

  describe('SLA overrides', () => {
    it('inherits the parent overrides and lets the child override them field by field', () => {
      expect(classifier.classify({ text: 'kargom gecikti' }).slaOverrides).toEqual({
        acknowledgeHours: 3,
        resolutionDays: 7,
      });
      expect(classifier.classify({ text: 'kutu ezik' }).slaOverrides).toEqual({
        resolutionDays: 7,
      });
      expect(classifier.classify({ text: 'fatura' }).slaOverrides).toEqual({});
    });

    it('hands out copies, so a caller cannot change the tree', () => {
      const first = classifier.classify({ text: 'kargom gecikti' });
      first.slaOverrides.resolutionDays = 99;
      first.categoryPath.push('x');
      const second = classifier.classify({ text: 'kargom gecikti' });
      expect(second.slaOverrides.resolutionDays).toBe(7);
      expect(second.categoryPath).toEqual(['delivery', 'delivery.late']);
    });

    it("gives the seed tree's urgent categories shorter targets", () => {
      const seed = new FeedbackClassifier(seedTree());
      expect(seed.classify({ text: 'Kartımdan iki kez çekim yapıldı' })).toMatchObject({
        category: 'pricing.double_charge',
        slaOverrides: { acknowledgeHours: 2, registrationDays: 1, resolutionDays: 3 },
      });
      expect(
        seed.classify({ text: 'x', declaredCategory: 'privacy.data_request' }).slaOverrides,
      ).toEqual({ resolutionDays: 10 });
    });
  });
});

describe('loadCategoryTree', () => {
  const node = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: { tr: `${code} tr`, az: `${code} az`, en: `${code} en` },
    ...extra,
  });

  function problemsOf(json: unknown): readonly string[] {
    try {
      loadCategoryTree(json);
    } catch (error) {
      if (error instanceof CategoryTreeError) return error.problems;
      throw error;
    }
    throw new Error('expected the tree to be rejected');
  }

  it('loads the seed tree: 8-10 top-level categories with 2-5 children each', () => {
    const tree = seedTree();
    expect(tree.categories.length).toBeGreaterThanOrEqual(8);
    expect(tree.categories.length).toBeLessThanOrEqual(10);
    for (const category of tree.categories) {
      expect(category.children.length).toBeGreaterThanOrEqual(2);
      expect(category.children.length).toBeLessThanOrEqual(5);
    }
  });

  it('returns a frozen tree', () => {
    const tree = seedTree();
    expect(Object.isFrozen(tree.categories[0].keywords.tr)).toBe(true);
  });

  it('names every shape problem with its path', () => {
    const problems = problemsOf({
      version: 1,
      categories: [
        node('Delivery'),
        node('returns', {
          name: { tr: 'İade', en: 'Returns' },
          sla: { resolutionDays: 0, resolutionDay: 3 },
          children: [node('returns.late', { keywords: { tr: ['!!!'], de: ['x'] } })],
        }),
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^categories\[0\]\.code: /),
        expect.stringMatching(/^categories\[1\]\.name\.az: /),
        expect.stringMatching(/^categories\[1\]\.sla\.resolutionDays: /),
        expect.stringMatching(/^categories\[1\]\.sla: .*resolutionDay/),
        expect.stringMatching(/^categories\[1\]\.children\[0\]\.keywords\.tr\[0\]: /),
        expect.stringMatching(/^categories\[1\]\.children\[0\]\.keywords: .*de/),
      ]),
    );
  });

  it('rejects a document that is not a tree', () => {
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^\(root\): /)]);
    expect(problemsOf({ version: 2, categories: [] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: /),
        expect.stringMatching(/^categories: /),
      ]),
    );
  });

  it('names every rule that spans nodes with its path', () => {
    const problems = problemsOf({
      version: 1,
      categories: [
        node('delivery', {
          keywords: { tr: ['kargo', 'Kargo'] },
          children: [
            node('delivery.late', { keywords: { tr: ['geç'] }, sla: { registrationDays: 5 } }),
            node('returns.late'),
            node('delivery.a.b'),
          ],
          sla: { resolutionDays: 4 },
        }),
        node('uncategorised'),
        node('delivery'),
        node('stores', { name: { tr: 'DELIVERY.LATE en', az: 'Delivery Late', en: 'Stores' } }),
        node('shops', { keywords: { tr: ['KARGO'] }, weakKeywords: { tr: ['geç'] } }),
      ],
    });
    expect(problems).toEqual([
      'categories[0].keywords.tr[1]: "Kargo" is listed twice',
      'categories[0].children[0].sla: registrationDays (5) is after resolutionDays (4) once inherited overrides apply',
      'categories[0].children[1].code: must be "delivery.<name>" (one level below its parent), got "returns.late"',
      'categories[0].children[2].code: must be "delivery.<name>" (one level below its parent), got "delivery.a.b"',
      'categories[1].code: "uncategorised" is reserved for feedback no rule matched',
      'categories[2].code: "delivery" is already used at categories[0]',
      'categories[3].name: "delivery late en" also names "delivery.late" (categories[0].children[0]); declared categories would be ambiguous',
      'categories[3].name: "delivery late" also names "delivery.late" (categories[0].children[0]); declared categories would be ambiguous',
      'categories[4].keywords.tr[0]: "KARGO" is already a keyword of "delivery" (categories[0].keywords.tr[0])',
      'categories[4].weakKeywords.tr[0]: "geç" is already a keyword of "delivery.late" (categories[0].children[0].keywords.tr[0])',
    ]);
  });

  it('allows a weak keyword in several top-level categories, not twice in one', () => {
    const tree = (second: string) => ({
      version: 1,
      categories: [
        node('delivery', {
          weakKeywords: { tr: ['gelmedi'] },
          children: [node('delivery.late', { weakKeywords: { tr: [second] } })],
        }),
        node('invoice', { weakKeywords: { tr: ['gelmedi'] } }),
      ],
    });
    expect(() => loadCategoryTree(tree('haftadır'))).not.toThrow();
    expect(problemsOf(tree('gelmedi'))).toEqual([
      expect.stringMatching(/^categories\[0\]\.children\[0\]\.weakKeywords\.tr\[0\]: "gelmedi"/),
    ]);
  });
});
