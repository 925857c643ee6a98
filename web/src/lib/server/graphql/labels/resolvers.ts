import type { PointLayout } from '../../labelling/point-layout';
import type { RelabelPointsInput, RelabelReceipt } from '../../labelling/relabel-points';
import type { LabelTreeView } from '../../read-model';
import { requireCampaign } from '../arguments';
import { asCodedError, codedError } from '../coded-error';
import type { Resolver } from '../context';
import { shownInput } from '../../../../../../events/rules/shown-input';

/** A layout point as the schema exposes it, with the label it carries now. */
export type LayoutPointNode = PointLayout['points'][number] & { labelId: string | null };

type LayoutNode = Omit<PointLayout, 'points'> & { points: LayoutPointNode[] };

const labelTree: Resolver<{ campaignId: string; atPosition?: number | null }, LabelTreeView> = (
  _parent,
  { campaignId, atPosition },
  { readModel },
) => {
  if (atPosition != null && atPosition < 0) {
    throw codedError('VALIDATION', `atPosition must be 0 or more, got ${atPosition}`);
  }
  const missing = () =>
    codedError('NOT_FOUND', `campaign ${shownInput(campaignId)} does not exist`);
  if (!readModel.campaign(campaignId)) throw missing();
  // A position not yet recorded has no tree: answering today's would pass it off as one.
  if (atPosition != null && atPosition > readModel.position()) {
    throw codedError(
      'VALIDATION',
      `atPosition ${atPosition} is past the last recorded event (position ${readModel.position()})`,
    );
  }
  const tree = readModel.labelTree(campaignId, atPosition ?? undefined);
  if (!tree) throw missing();
  return tree;
};

const pointLayout: Resolver<{ campaignId: string }, LayoutNode | null> = async (
  _parent,
  { campaignId },
  { readModel, layouts },
) => {
  requireCampaign(readModel, campaignId);
  const clustering = readModel.latestClustering(campaignId);
  if (!clustering) return null;

  try {
    const layout = await layouts.layoutOf(clustering);
    const labels = readModel.pointLabels(campaignId);
    const points = layout.points.map((point) => ({ ...point, labelId: labels[point.id] ?? null }));
    return { ...layout, points };
  } catch (error) {
    throw asCodedError(error);
  }
};

const relabelPoints: Resolver<RelabelPointsInput, RelabelReceipt> = async (
  _parent,
  input,
  context,
) => {
  try {
    return await context.relabelPoints(input);
  } catch (error) {
    throw asCodedError(error);
  }
};

export const labelResolvers: {
  Query: {
    labelTree: typeof labelTree;
    pointLayout: typeof pointLayout;
  };
  Mutation: { relabelPoints: typeof relabelPoints };
} = {
  Query: { labelTree, pointLayout },
  Mutation: { relabelPoints },
};
