import { LANGUAGES } from '@app/contracts';
import {
  effectiveSla,
  walkCategories,
  type CategoryNode,
  type CategoryTree,
  type SlaOverrides,
} from './category-tree';
import { DeclaredCategoryIndex } from './declared-category';
import { PhraseIndex, tokenize, type PhraseMatch } from './phrase-index';

/** What a category keyword points at; one object per node and strength, compared by identity. */
export interface KeywordTarget {
  readonly node: number;
  readonly weak: boolean;
}

export interface CompiledCategory {
  readonly code: string;
  /** 1 for top-level categories. */
  readonly depth: number;
  /** Index of the parent, -1 for top-level categories. */
  readonly parent: number;
  /** Index of the top-level category this one belongs to (itself for a top-level one). */
  readonly topLevel: number;
  /** Filled while compiling, in file order. */
  readonly children: number[];
  readonly path: readonly string[];
  readonly sla: Readonly<SlaOverrides>;
  readonly strong: KeywordTarget;
  readonly weak: KeywordTarget;
}

/**
 * A keyword's weight: its number of words (a phrase is stronger evidence than one of its words)
 * times a depth factor (a keyword that names a precise cause outranks a general one, so "kaba
 * davrandı" under staff beats "mağaza" under store).
 */
function keywordWeight(wordCount: number, depth: number): number {
  return wordCount * (1 + 0.5 * (depth - 1));
}

/**
 * The category tree flattened into an array in file order (a parent before its children), with
 * its keywords indexed for matching and its codes and names indexed for declared categories.
 */
export class CompiledCategoryTree {
  readonly categories: CompiledCategory[] = [];
  readonly topLevel: number[] = [];
  readonly declared = new DeclaredCategoryIndex();
  private readonly categoryKeywords = new PhraseIndex<KeywordTarget>();

  constructor(tree: CategoryTree) {
    const indexByCode = new Map<string, number>();
    for (const { node, lineage } of walkCategories(tree.categories)) {
      const index = this.categories.length;
      const parent = indexByCode.get(lineage.at(-2)?.code ?? '') ?? -1;
      indexByCode.set(node.code, index);
      const category: CompiledCategory = {
        code: node.code,
        depth: lineage.length,
        parent,
        topLevel: indexByCode.get(lineage[0]?.code ?? '') ?? index,
        children: [],
        path: Object.freeze(lineage.map((n) => n.code)),
        sla: Object.freeze(effectiveSla(lineage)),
        strong: { node: index, weak: false },
        weak: { node: index, weak: true },
      };
      this.categories.push(category);
      if (parent === -1) this.topLevel.push(index);
      else this.categories[parent].children.push(index);
      this.declared.add(node, index);
      this.addKeywords(category, node.keywords, category.strong);
      this.addKeywords(category, node.weakKeywords, category.weak);
    }
  }

  /** Every keyword occurrence in the tokens, see PhraseIndex.find. */
  findKeywords(tokens: readonly string[]): PhraseMatch<KeywordTarget>[] {
    return this.categoryKeywords.find(tokens, this.related);
  }

  /** Whether `node` is `chosen` or one of its ancestors. */
  isOnPath(node: number, chosen: number): boolean {
    for (let i = chosen; i !== -1; i = this.categories[i].parent) {
      if (i === node) return true;
    }
    return false;
  }

  private addKeywords(
    category: CompiledCategory,
    keywords: CategoryNode['keywords'],
    target: KeywordTarget,
  ): void {
    // Turkish and Azerbaijani share words; a word listed under both counts once.
    const added = new Set<string>();
    for (const language of LANGUAGES) {
      for (const keyword of keywords[language]) {
        const words = tokenize(keyword);
        if (added.has(words.join(' '))) continue;
        added.add(words.join(' '));
        this.categoryKeywords.add(keyword, target, keywordWeight(words.length, category.depth));
      }
    }
  }

  /**
   * A phrase of a category does not hide a word of its own ancestor or descendant inside it:
   * "kişisel bilgilerimi" is both privacy ("kişisel bilgi") and a data request ("bilgilerim"),
   * and the child's match is what says which privacy matter it is.
   */
  private readonly related = (a: KeywordTarget, b: KeywordTarget): boolean =>
    this.isOnPath(a.node, b.node) || this.isOnPath(b.node, a.node);
}
