import type { FeedbackType } from '@app/contracts';
import { UNCATEGORISED, type CategoryTree, type SlaOverrides } from './category-tree';
import { chooseCategory, scoreCategories } from './category-scoring';
import { CompiledCategoryTree } from './compiled-category-tree';
import { FeedbackTypeReader } from './feedback-type.rules';
import { sourcesInTextOrder, tokenize } from './phrase-index';

/** The ISO 10002 kinds of feedback; the one definition lives in @app/contracts. */
export type { FeedbackType };

export interface ClassifyInput {
  text: string;
  subject?: string;
  /** What the customer (web form) or the call-centre agent chose: it wins. */
  declaredType?: FeedbackType;
  /** A category code or name, in any language, as another system spells it. */
  declaredCategory?: string;
}

export interface Classification {
  type: FeedbackType;
  typeSource: 'declared' | 'keywords' | 'default';
  /** A category code, or 'uncategorised'. */
  category: string;
  /** Codes from the top-level category down to `category`. */
  categoryPath: string[];
  categorySource: 'declared' | 'keywords' | 'none';
  /** Keywords and cues as written in the tree and the cue lists, for the case history. */
  matchedKeywords: string[];
  /** The category's SLA overrides after inheritance; empty when the defaults apply. */
  slaOverrides: SlaOverrides;
}

/**
 * Says what kind of feedback a message is and which category of the tree it belongs to, from
 * what the customer or agent declared and from keywords; the rules live in the modules imported
 * above, this class only puts their answers together.
 */
export class FeedbackClassifier {
  private readonly tree: CompiledCategoryTree;
  private readonly types = new FeedbackTypeReader();

  constructor(tree: CategoryTree) {
    this.tree = new CompiledCategoryTree(tree);
  }

  classify(input: ClassifyInput): Classification {
    // An empty token separates subject and text so that no phrase spans the two.
    const tokens = [...tokenize(input.subject), '', ...tokenize(input.text)];
    const scores = scoreCategories(this.tree, this.tree.findKeywords(tokens));
    const choice = chooseCategory(this.tree, scores, input.declaredCategory);
    const category = choice === undefined ? undefined : this.tree.categories[choice.index];
    const onPath = scores.counted.filter(
      (m) => choice !== undefined && this.tree.isOnPath(m.phrase.target.node, choice.index),
    );
    const type = this.types.read(tokens, input.declaredType);
    return {
      type: type.type,
      typeSource: type.source,
      category: category?.code ?? UNCATEGORISED,
      categoryPath: category ? [...category.path] : [UNCATEGORISED],
      categorySource: choice?.source ?? 'none',
      matchedKeywords: [...new Set([...sourcesInTextOrder(onPath), ...type.cues])],
      slaOverrides: category ? { ...category.sla } : {},
    };
  }
}
