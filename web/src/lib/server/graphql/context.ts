import type { CampaignCommands } from '../commands';
import type { ReadModel } from '../read-model';

/** What every resolver receives: the read side to answer from, the command side to act on. */
export interface GraphqlContext {
  readModel: ReadModel;
  commands: CampaignCommands;
}

/** A resolver's signature, typed by its arguments and the value it resolves to. */
export type Resolver<Args, Result, Parent = unknown> = (
  parent: Parent,
  args: Args,
  context: GraphqlContext,
) => Result | Promise<Result>;
