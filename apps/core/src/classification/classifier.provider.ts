import type { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { loadCategoryTree } from './category-tree';
import { FeedbackClassifier } from './feedback-classifier';

/** The category tree is read and validated at start-up: a broken file stops core with its problems. */
export const classifierProvider: Provider = {
  provide: FeedbackClassifier,
  inject: [CORE_CONFIG],
  useFactory: (config: CoreConfig) => {
    const file = config.categoryTreeFile;
    try {
      return new FeedbackClassifier(loadCategoryTree(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (error) {
      throw new Error(`CATEGORY_TREE_FILE ${file}: ${(error as Error).message}`, { cause: error });
    }
  },
};
