import { LANGUAGES } from '@app/contracts';
import { foldForMatching } from '../text/turkish-text';
import { UNCATEGORISED, type CategoryNode } from './category-tree';

/** Words that mean "no category" in a declared field: keywords may still find one. */
const NO_CATEGORY = new Set([UNCATEGORISED, 'uncategorized'].map(foldForMatching));

/** Separators other systems use to write a path: "Teslimat > Geç teslimat", "A / B", "A | B". */
const DECLARED_PATH_SEPARATOR = /\s*(?:>|»|\||\/|::)\s*/;

/**
 * A category declared by the web form, the call-centre agent or another system, matched by its
 * code, its name in any language, or a path of them (the most specific part that is known wins).
 */
export class DeclaredCategoryIndex {
  /** Folded codes and names in every language, for declared categories. */
  private readonly byName = new Map<string, number>();

  /** Registers a category under its code and names; a later category takes a shared name. */
  add(node: CategoryNode, index: number): void {
    this.byName.set(foldForMatching(node.code), index);
    for (const language of LANGUAGES) this.byName.set(foldForMatching(node.name[language]), index);
  }

  /** The declared category's index, or undefined when it is absent, unknown or "no category". */
  resolve(declared: string | undefined): number | undefined {
    if (declared === undefined) return undefined;
    const candidates = [declared, ...declared.split(DECLARED_PATH_SEPARATOR).reverse()];
    for (const candidate of candidates) {
      const key = foldForMatching(candidate);
      if (NO_CATEGORY.has(key)) return undefined;
      const index = this.byName.get(key);
      if (index !== undefined) return index;
    }
    return undefined;
  }
}
