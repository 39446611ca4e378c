import { z } from 'zod';
import { LANGUAGES, type Language } from '@app/contracts';
import { foldForMatching } from '../text/turkish-text';

/**
 * The category tree ("call tree") names the root cause of each piece of feedback. Codes are the
 * stable identifiers stored on cases and in reports; names are what people read; keywords let the
 * classifier find a category when nobody declared one.
 *
 * File shape (deploy/seed/category-tree.json):
 * { "version": 1, "categories": [ { "code": "delivery", "name": { "tr", "az", "en" },
 *   "keywords": { "tr": [...], "az": [...], "en": [...] }, "weakKeywords": { ... },
 *   "sla": { ... }, "children": [ { "code": "delivery.late", ... } ] } ] }
 */

/** Reserved for "no rule matched". Never written in the file: it always exists implicitly. */
export const UNCATEGORISED = 'uncategorised';

/**
 * Per-category SLA targets that replace the defaults (6 working hours / 3 / 10 working days).
 * Hours and days are working hours and working days on the business calendar.
 */
export interface SlaOverrides {
  acknowledgeHours?: number;
  registrationDays?: number;
  resolutionDays?: number;
}

export type LocalisedNames = Readonly<Record<Language, string>>;
export type LocalisedKeywords = Readonly<Record<Language, readonly string[]>>;

export interface CategoryNode {
  /** Lowercase, dot-separated, and a child's code extends its parent's: `delivery.late`. */
  readonly code: string;
  readonly name: LocalisedNames;
  readonly keywords: LocalisedKeywords;
  /**
   * Words that point here only in context ("gelmedi" is late delivery next to "kargo", but not in
   * "faturam gelmedi"): they count only when a keyword of the same top-level category matched.
   */
  readonly weakKeywords: LocalisedKeywords;
  /** This node's own overrides; children inherit them (see `effectiveSla`). */
  readonly sla: Readonly<SlaOverrides>;
  /** Why the category exists or why its SLA differs, for whoever edits the file next. */
  readonly note?: string;
  readonly children: readonly CategoryNode[];
}

export interface CategoryTree {
  readonly version: 1;
  readonly categories: readonly CategoryNode[];
}

/** Thrown when a category tree file is unusable; `problems` names each one with its JSON path. */
export class CategoryTreeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid category tree:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CategoryTreeError';
  }
}

const CODE_PATTERN = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

// A keyword that folds to nothing ("!!!") would match nothing and only hide a typo.
const keyword = text(100).refine((k) => foldForMatching(k) !== '', {
  message: 'must contain a letter or a digit',
});

const NamesSchema = z.strictObject({ tr: text(120), az: text(120), en: text(120) });

const keywordList = z.array(keyword).max(500).default([]);
const KeywordsSchema = z
  .strictObject({ tr: keywordList, az: keywordList, en: keywordList })
  .default({ tr: [], az: [], en: [] });

// Bounds catch slips (minutes written as hours, a stray zero), not policy.
const SlaSchema = z.strictObject({
  acknowledgeHours: z.number().int().min(1).max(72).optional(),
  registrationDays: z.number().int().min(1).max(30).optional(),
  resolutionDays: z.number().int().min(1).max(60).optional(),
});

/** A node as written in the file (optional parts may be left out). */
interface CategoryNodeInput {
  code: string;
  name: z.input<typeof NamesSchema>;
  keywords?: z.input<typeof KeywordsSchema>;
  weakKeywords?: z.input<typeof KeywordsSchema>;
  sla?: z.input<typeof SlaSchema>;
  note?: string;
  children?: CategoryNodeInput[];
}

/** A node after parsing, defaults filled in. */
interface ParsedNode {
  code: string;
  name: z.output<typeof NamesSchema>;
  keywords: z.output<typeof KeywordsSchema>;
  weakKeywords: z.output<typeof KeywordsSchema>;
  sla: z.output<typeof SlaSchema>;
  note?: string | undefined;
  children: ParsedNode[];
}

// Recursive schemas need their types spelled out: TypeScript cannot infer a type from itself.
const CategoryNodeSchema: z.ZodType<ParsedNode, CategoryNodeInput> = z.lazy(() =>
  z.strictObject({
    code: z
      .string()
      .regex(CODE_PATTERN, 'must be lowercase letters, digits and _, dot-separated: delivery.late')
      .max(100),
    name: NamesSchema,
    keywords: KeywordsSchema,
    weakKeywords: KeywordsSchema,
    sla: SlaSchema.default({}),
    note: z.string().max(1000).optional(),
    children: z.array(CategoryNodeSchema).max(100).default([]),
  }),
);

/** The file's shape. Rules that span nodes (unique codes, names, keywords) are checked after it. */
export const CategoryTreeSchema = z.strictObject({
  version: z.literal(1),
  description: z.string().max(2000).optional(),
  categories: z.array(CategoryNodeSchema).min(1, 'must list at least one category').max(100),
});

/** Every node with its JSON path and its ancestors, parents before children, in file order. */
export interface CategoryVisit<N> {
  readonly node: N;
  readonly jsonPath: string;
  /** From the top-level category down to `node` itself. */
  readonly lineage: readonly N[];
}

export function* walkCategories<N extends { readonly children: readonly N[] }>(
  roots: readonly N[],
): Generator<CategoryVisit<N>> {
  function* visit(
    nodes: readonly N[],
    basePath: string,
    ancestors: readonly N[],
  ): Generator<CategoryVisit<N>> {
    for (const [i, node] of nodes.entries()) {
      const jsonPath = `${basePath}[${i}]`;
      const lineage = [...ancestors, node];
      yield { node, jsonPath, lineage };
      yield* visit(node.children, `${jsonPath}.children`, lineage);
    }
  }
  yield* visit(roots, 'categories', []);
}

/** Overrides of a node after inheritance: the nearest ancestor that sets a field wins. */
export function effectiveSla(lineage: readonly { readonly sla: SlaOverrides }[]): SlaOverrides {
  const merged: SlaOverrides = {};
  for (const node of lineage) {
    if (node.sla.acknowledgeHours !== undefined)
      merged.acknowledgeHours = node.sla.acknowledgeHours;
    if (node.sla.registrationDays !== undefined)
      merged.registrationDays = node.sla.registrationDays;
    if (node.sla.resolutionDays !== undefined) merged.resolutionDays = node.sla.resolutionDays;
  }
  return merged;
}

/**
 * Validates a parsed JSON document and returns a frozen tree. Throws CategoryTreeError listing
 * every problem; cross-node rules run only once the shape is valid, since they need codes.
 */
export function loadCategoryTree(json: unknown): CategoryTree {
  const parsed = CategoryTreeSchema.safeParse(json);
  if (!parsed.success) {
    throw new CategoryTreeError(
      parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  const problems = crossNodeProblems(parsed.data.categories);
  if (problems.length > 0) throw new CategoryTreeError(problems);
  return deepFreeze({ version: 1, categories: parsed.data.categories.map(toNode) });
}

function toNode(parsed: ParsedNode): CategoryNode {
  return {
    code: parsed.code,
    name: parsed.name,
    keywords: parsed.keywords,
    weakKeywords: parsed.weakKeywords,
    sla: parsed.sla,
    ...(parsed.note === undefined ? {} : { note: parsed.note }),
    children: parsed.children.map(toNode),
  };
}

function crossNodeProblems(roots: readonly ParsedNode[]): string[] {
  const problems: string[] = [];
  const codes = new Map<string, string>();
  const names = new Map<string, { code: string; at: string }>();
  const keywords = new Map<string, KeywordOwner[]>();
  for (const { node, jsonPath, lineage } of walkCategories(roots)) {
    problems.push(...codeProblems(node, jsonPath, lineage, codes));
    problems.push(...nameProblems(node, jsonPath, names));
    problems.push(...keywordProblems(node, jsonPath, lineage[0]?.code ?? node.code, keywords));
    problems.push(...slaProblems(jsonPath, lineage));
  }
  return problems;
}

function codeProblems(
  node: ParsedNode,
  at: string,
  lineage: readonly ParsedNode[],
  seen: Map<string, string>,
): string[] {
  const problems: string[] = [];
  const parent = lineage.at(-2);
  if (node.code === UNCATEGORISED) {
    problems.push(`${at}.code: "${UNCATEGORISED}" is reserved for feedback no rule matched`);
  }
  // Codes carry their ancestry so that a stored code alone says where it sits in the tree.
  const expectedDepth = lineage.length;
  const segments = node.code.split('.');
  if (parent === undefined && segments.length !== 1) {
    problems.push(`${at}.code: a top-level code has no dots, got "${node.code}"`);
  } else if (
    parent !== undefined &&
    (segments.length !== expectedDepth || !node.code.startsWith(`${parent.code}.`))
  ) {
    problems.push(
      `${at}.code: must be "${parent.code}.<name>" (one level below its parent), got "${node.code}"`,
    );
  }
  const previous = seen.get(node.code);
  if (previous !== undefined) {
    problems.push(`${at}.code: "${node.code}" is already used at ${previous}`);
  } else {
    seen.set(node.code, at);
  }
  return problems;
}

/**
 * A declared category (from the web form or the call centre) is resolved by code or by name in
 * any language, so two nodes must not share a folded name: the answer would be a guess.
 */
function nameProblems(
  node: ParsedNode,
  at: string,
  seen: Map<string, { code: string; at: string }>,
): string[] {
  const problems: string[] = [];
  const keys = new Set([foldForMatching(node.code)]);
  for (const language of LANGUAGES) keys.add(foldForMatching(node.name[language]));
  for (const key of keys) {
    const owner = seen.get(key);
    if (owner !== undefined && owner.code !== node.code) {
      problems.push(
        `${at}.name: "${key}" also names "${owner.code}" (${owner.at}); declared categories would be ambiguous`,
      );
    } else {
      seen.set(key, { code: node.code, at });
    }
  }
  return problems;
}

interface KeywordOwner {
  readonly code: string;
  readonly topLevel: string;
  readonly weak: boolean;
  readonly at: string;
}

/**
 * The same keyword on two nodes would only ever produce a tie settled by file order, which hides
 * a modelling mistake. Exceptions: one node may list a word in two languages (Turkish and
 * Azerbaijani share many), and a weak keyword may recur in other top-level categories, since it
 * only counts where its own category has other evidence.
 */
function keywordProblems(
  node: ParsedNode,
  at: string,
  topLevel: string,
  seen: Map<string, KeywordOwner[]>,
): string[] {
  const problems: string[] = [];
  for (const weak of [false, true]) {
    const field = weak ? 'weakKeywords' : 'keywords';
    for (const language of LANGUAGES) {
      const inThisList = new Set<string>();
      for (const [i, raw] of node[field][language].entries()) {
        const key = foldForMatching(raw);
        const where = `${at}.${field}.${language}[${i}]`;
        const owners = seen.get(key) ?? [];
        const clash = owners.find(
          (o) => o.code !== node.code && (!weak || !o.weak || o.topLevel === topLevel),
        );
        const sameNode = owners.find((o) => o.code === node.code && o.weak !== weak);
        if (inThisList.has(key)) {
          problems.push(`${where}: "${raw}" is listed twice`);
        } else if (clash !== undefined) {
          problems.push(`${where}: "${raw}" is already a keyword of "${clash.code}" (${clash.at})`);
        } else if (sameNode !== undefined) {
          problems.push(`${where}: "${raw}" is both a keyword and a weak keyword of this category`);
        }
        inThisList.add(key);
        seen.set(key, [...owners, { code: node.code, topLevel, weak, at: where }]);
      }
    }
  }
  return problems;
}

function slaProblems(at: string, lineage: readonly ParsedNode[]): string[] {
  const sla = effectiveSla(lineage);
  if (
    sla.registrationDays !== undefined &&
    sla.resolutionDays !== undefined &&
    sla.registrationDays > sla.resolutionDays
  ) {
    return [
      `${at}.sla: registrationDays (${sla.registrationDays}) is after resolutionDays (${sla.resolutionDays}) once inherited overrides apply`,
    ];
  }
  return [];
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
