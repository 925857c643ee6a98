import { describe, expect, it } from 'vitest';
import { IllegalStateError } from '../../../events/errors';
import { labelId, labelledCampaign } from './campaign-history';
import { graphqlHarness } from './graphql-harness';

const treeQuery = `query ($campaignId: ID!, $atPosition: Int) {
  labelTree(campaignId: $campaignId, atPosition: $atPosition) {
    campaignId position pointCount unlabelled
    labels { id name parentId children depth points totalPoints }
  }
}`;

const layoutQuery = `query ($campaignId: ID!) {
  pointLayout(campaignId: $campaignId) { round dimensions points { id x y cluster labelId } }
}`;

const relabelMutation = `mutation ($pointIds: [Int!]!, $expertId: ID!) {
  relabelPoints(campaignId: "mnist-demo", pointIds: $pointIds, toLabelId: "label-2",
    expertId: $expertId, reason: "lasso") { eventId version relabelled }
}`;

const brief = (labels: { id: string; depth: number; points: number; totalPoints: number }[]) =>
  labels.map(({ id, depth, points, totalPoints }) => [id, depth, points, totalPoints]);

describe('GraphQL label tree', () => {
  it('shows the tree depth first, each label with its own and its subtree points', async () => {
    const { execute } = graphqlHarness(undefined, labelledCampaign());

    const { data, errors } = await execute(treeQuery, { campaignId: 'mnist-demo' });

    expect(errors).toBeUndefined();
    const tree = data?.labelTree as Record<string, unknown> & { labels: never[] };
    expect(tree).toMatchObject({ position: 26, pointCount: 2000, unlabelled: 1997 });
    expect(brief(tree.labels)).toEqual([
      ['label-1', 0, 0, 0],
      ['label-2', 0, 0, 0],
      ['label-3', 0, 0, 0],
      ['label-5', 0, 0, 0],
      ['label-7', 0, 0, 0],
      ['label-8', 0, 0, 0],
      ['label-9', 0, 0, 0],
      ['label-10', 0, 0, 0],
      ['label-11', 0, 0, 3],
      ['label-4', 1, 2, 2],
      ['label-6', 1, 1, 1],
    ]);
    expect(tree.labels[8]).toMatchObject({
      name: '3 or 5',
      parentId: null,
      children: [labelId(4), labelId(6)],
    });
  });

  // Positions: 2 the dataset, 14-23 the ten labels, 24 and 25 relabellings, 26 the merge.
  it.each([
    { atPosition: 13, position: 2, labels: 0, pointsOf3: null, unlabelled: 2000 },
    { atPosition: 23, position: 23, labels: 10, pointsOf3: 0, unlabelled: 2000 },
    { atPosition: 24, position: 24, labels: 10, pointsOf3: 2, unlabelled: 1998 },
    { atPosition: 25, position: 25, labels: 10, pointsOf3: 2, unlabelled: 1997 },
    { atPosition: 26, position: 26, labels: 11, pointsOf3: 2, unlabelled: 1997 },
  ])(
    'travels back to the tree after position $atPosition',
    async ({ atPosition, position, labels, pointsOf3, unlabelled }) => {
      const { execute } = graphqlHarness(undefined, labelledCampaign());

      const { data } = await execute(treeQuery, { campaignId: 'mnist-demo', atPosition });

      const tree = data?.labelTree as {
        position: number;
        unlabelled: number;
        labels: { id: string; points: number }[];
      };
      expect(tree.position).toBe(position);
      expect(tree.labels.length).toBe(labels);
      expect(tree.labels.find(({ id }) => id === labelId(4))?.points ?? null).toBe(pointsOf3);
      expect(tree.unlabelled).toBe(unlabelled);
    },
  );

  it.each([
    [{ campaignId: 'nowhere' }, 'NOT_FOUND', 'campaign nowhere does not exist'],
    [{ campaignId: 'nowhere', atPosition: 1 }, 'NOT_FOUND', 'campaign nowhere does not exist'],
    [
      { campaignId: 'x'.repeat(5000) },
      'NOT_FOUND',
      `campaign "${'x'.repeat(40)}…" (5000 characters) does not exist`,
    ],
    [
      { campaignId: 'mnist-demo', atPosition: -1 },
      'VALIDATION',
      'atPosition must be 0 or more, got -1',
    ],
    [
      { campaignId: 'mnist-demo', atPosition: 27 },
      'VALIDATION',
      'atPosition 27 is past the last recorded event (position 26)',
    ],
  ])('refuses %j with %s', async (variables, code, message) => {
    const { execute } = graphqlHarness(undefined, labelledCampaign());

    const { errors } = await execute(treeQuery, variables);

    expect(errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
  });
});

describe('GraphQL point layout', () => {
  it("lays out the latest round's points with the label each carries now", async () => {
    const { execute, layoutsRead } = graphqlHarness(undefined, labelledCampaign());

    const { data } = await execute(layoutQuery, { campaignId: 'mnist-demo' });

    expect(layoutsRead).toEqual([
      { round: 1, embeddingHash: 'c'.repeat(64), clusteringHash: 'd'.repeat(64) },
    ]);
    const layout = data?.pointLayout as { round: number; points: { labelId: string | null }[] };
    expect(layout.round).toBe(1);
    expect(layout.points[2]).toEqual({ id: 2, x: 2, y: 4, cluster: 2, labelId: null });
  });
});

describe('GraphQL relabelPoints', () => {
  it('hands the relabelling to the command and returns its receipt', async () => {
    const { execute, relabelled } = graphqlHarness(undefined, labelledCampaign());

    const { data } = await execute(relabelMutation, { pointIds: [3, 4], expertId: 'ada' });

    expect(relabelled).toEqual([
      {
        campaignId: 'mnist-demo',
        pointIds: [3, 4],
        toLabelId: 'label-2',
        expertId: 'ada',
        reason: 'lasso',
      },
    ]);
    expect(data).toEqual({ relabelPoints: { eventId: 'relabel-1', version: 27, relabelled: 2 } });
  });

  it("sends the command's refusal to the client with its code", async () => {
    const refusal = new IllegalStateError('expert zoe is not on the panel of campaign mnist-demo');
    const { execute } = graphqlHarness(refusal, labelledCampaign());

    const { data, errors } = await execute(relabelMutation, { pointIds: [3], expertId: 'zoe' });

    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ message: refusal.message, extensions: { code: 'ILLEGAL_STATE' } }),
    ]);
  });
});
