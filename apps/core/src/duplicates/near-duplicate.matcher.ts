import type { Provider } from '@nestjs/common';
import {
  NEAR_DUPLICATE_MATCHER,
  type NearDuplicateMatcher,
} from '../intake/pipeline/intake-decider';
import { NearDuplicateDetector } from './near-duplicate.detector';

/** The detector is stateless after construction (its hash coefficients): one per process. */
export const nearDuplicateMatcherProvider: Provider<NearDuplicateMatcher> = {
  provide: NEAR_DUPLICATE_MATCHER,
  useFactory: (): NearDuplicateMatcher => new NearDuplicateDetector(),
};
