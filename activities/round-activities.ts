import type { ActivityDependencies } from './dependencies';
import { withFailureMapping } from './failures';
import { createAssignClusters } from './round/assign-clusters';
import { createQueryPanelActivities } from './round/query-panel';
import { createDecidePairs } from './round/pair-decisions';
import { createPlanPairJump } from './round/pair-jumps';
import { createPlanPairs } from './round/pair-questions';
import { createQueryActivities } from './round/queries';
import { createRoundLifecycle } from './round/round-lifecycle';
import { createScoreUncertainty } from './round/score-uncertainty';
import { createTrainModel } from './round/train-model';

/** Every step of a labelling round, bound to its dependencies. */
export function createRoundActivities(dependencies: ActivityDependencies) {
  return withFailureMapping({
    ...createRoundLifecycle(dependencies),
    trainModel: createTrainModel(dependencies),
    assignClusters: createAssignClusters(dependencies),
    scoreUncertainty: createScoreUncertainty(dependencies),
    planPairs: createPlanPairs(dependencies),
    planPairJump: createPlanPairJump(dependencies),
    decidePairs: createDecidePairs(dependencies),
    ...createQueryActivities(dependencies),
    ...createQueryPanelActivities(dependencies),
  });
}

export type RoundActivities = ReturnType<typeof createRoundActivities>;
