import type { CampaignCommands } from '../commands';
import type { PointLayouts } from '../labelling/point-layout';
import type { RelabelPoints } from '../labelling/relabel-points';
import type { ReadModel } from '../read-model';

/** What every resolver receives: the read side to answer from, the command side to act on. */
export interface GraphqlContext {
  readModel: ReadModel;
  commands: CampaignCommands;
  /** An expert's relabelling, appended to the store directly: no workflow decides it. */
  relabelPoints: RelabelPoints;
  layouts: PointLayouts;
}

/** A resolver's signature, typed by its arguments and the value it resolves to. */
export type Resolver<Args, Result, Parent = unknown> = (
  parent: Parent,
  args: Args,
  context: GraphqlContext,
) => Result | Promise<Result>;
