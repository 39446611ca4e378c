import type { CompiledCategoryTree, KeywordTarget } from './compiled-category-tree';
import type { Phrase, PhraseMatch } from './phrase-index';

export interface CategoryScores {
  /** A node's own keywords plus all its descendants'. */
  readonly subtree: Float64Array;
  /** The strongest single keyword in the subtree: first tie-break. */
  readonly strongest: Float64Array;
  /** The matches that counted (weak ones without company do not). */
  readonly counted: readonly PhraseMatch<KeywordTarget>[];
}

export interface CategoryChoice {
  readonly index: number;
  readonly source: 'declared' | 'keywords';
}

/**
 * Adds up the keyword evidence per category and subtree. A weak keyword counts only when a
 * (strong) keyword of the same top-level category matched too; a keyword matched twice counts once.
 */
export function scoreCategories(
  tree: CompiledCategoryTree,
  matches: readonly PhraseMatch<KeywordTarget>[],
): CategoryScores {
  const { categories } = tree;
  const subtree = new Float64Array(categories.length);
  const strongest = new Float64Array(categories.length);
  const branchesWithEvidence = new Set(
    matches
      .filter((m) => !m.phrase.target.weak)
      .map((m) => categories[m.phrase.target.node].topLevel),
  );
  const counted: PhraseMatch<KeywordTarget>[] = [];
  const seen = new Set<Phrase<KeywordTarget>>();
  for (const match of matches) {
    const { phrase } = match;
    const node = phrase.target.node;
    if (phrase.target.weak && !branchesWithEvidence.has(categories[node].topLevel)) continue;
    counted.push(match);
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    subtree[node] += phrase.weight;
    strongest[node] = Math.max(strongest[node], phrase.weight);
  }
  // Children come after their parent in the list, so one backward pass sums every subtree.
  for (let i = categories.length - 1; i >= 0; i--) {
    const parent = categories[i].parent;
    if (parent === -1) continue;
    subtree[parent] += subtree[i];
    strongest[parent] = Math.max(strongest[parent], strongest[i]);
  }
  return { subtree, strongest, counted };
}

/** The category to file under: inside the declared one when it is known, else from the top. */
export function chooseCategory(
  tree: CompiledCategoryTree,
  scores: CategoryScores,
  declared: string | undefined,
): CategoryChoice | undefined {
  const declaredIndex = tree.declared.resolve(declared);
  if (declaredIndex !== undefined) {
    // The declaration fixes the branch; keywords may only say which part of it.
    return { index: descend(tree, scores, declaredIndex), source: 'declared' };
  }
  const best = descend(tree, scores, -1);
  return best === -1 ? undefined : { index: best, source: 'keywords' };
}

/**
 * From `from` (-1: the top), steps into the child with the most evidence while any child has
 * some. Stops at a parent when its own keywords matched but none of its children's did: "kargo
 * ile ilgili sorun" says delivery, not which delivery problem, and a guessed leaf would mislead
 * whoever reads the case. Ties go to the stronger single keyword, then to file order.
 */
function descend(tree: CompiledCategoryTree, scores: CategoryScores, from: number): number {
  let current = from;
  for (;;) {
    const options = current === -1 ? tree.topLevel : tree.categories[current].children;
    let best = -1;
    for (const option of options) {
      if (scores.subtree[option] <= 0) continue;
      if (best === -1 || outranks(scores, option, best)) best = option;
    }
    if (best === -1) return current;
    current = best;
  }
}

function outranks(scores: CategoryScores, a: number, b: number): boolean {
  const bySubtree = scores.subtree[a] - scores.subtree[b];
  if (bySubtree !== 0) return bySubtree > 0;
  return scores.strongest[a] > scores.strongest[b];
}
