import { describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from '../../../events/catalog';
import {
  evolveLabelTrees,
  formatTree,
  initialLabelTrees,
  labelTreeOf,
  treeAt,
  type LabelTree,
} from '../../../events/projections/label-tree';
import { openEventStore } from '../../../events/store/open';
import { asRecorded, campaignFacts } from '../events/event-fixtures';
import { facts, mergeOf4And9, seededCampaign, splitOf358 } from './label-story';

const other = campaignFacts('c2');

/** Campaign c1 merges then splits, while c2 and c1's round write events in between. */
const story: NewEvent[] = [
  ...seededCampaign,
  other.started(),
  other.labelCreated('l4', 'four'),
  facts.roundStarted(1),
  mergeOf4And9,
  other.labelCreated('l9', 'nine'),
  splitOf358,
  facts.pointsRelabelled([7], 'l9', 'alice', 'lasso'),
  facts.labelRenamed('l49', '4 or 9'),
];
const positionOf = (event: NewEvent) => story.indexOf(event) + 1;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** The c1 tree the live projection showed right after each event, by position. */
function liveTrees(events: readonly RecordedEvent[]) {
  const shown = new Map<number, LabelTree>();
  let trees = initialLabelTrees;
  for (const event of events) {
    trees = evolveLabelTrees(trees, event);
    shown.set(event.metadata.position, labelTreeOf(trees, 'c1'));
  }
  return shown;
}

describe('label tree time travel', () => {
  const recorded = asRecorded(story);

  it('rebuilds, for every position, the tree the live fold showed right after it', () => {
    const shown = liveTrees(recorded);

    for (const [position, tree] of shown) {
      expect(treeAt(recorded, 'c1', position), `at position ${position}`).toEqual(tree);
    }
    expect(shown.size).toBe(story.length);
  });

  it.each([
    {
      moment: 'before anything',
      position: 0,
      then: ['(no labels)'],
    },
    {
      moment: 'just before the merge',
      position: positionOf(mergeOf4And9) - 1,
      then: ['4 (l4): 2 points', '9 (l9): 1 point', '3/5/8 (l358): 4 points', '7 (l7): 1 point'],
    },
    {
      moment: 'right after the merge',
      position: positionOf(mergeOf4And9),
      then: [
        '3/5/8 (l358): 4 points',
        '7 (l7): 1 point',
        '4|9 (l49)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
      ],
    },
    {
      moment: 'at another campaign event between the merge and the split',
      position: positionOf(mergeOf4And9) + 1,
      then: [
        '3/5/8 (l358): 4 points',
        '7 (l7): 1 point',
        '4|9 (l49)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
      ],
    },
    {
      moment: 'right after the split',
      position: positionOf(splitOf358),
      then: [
        '3/5/8 (l358)',
        '  3 (l3): 1 point',
        '  5 (l5): 2 points',
        '  8 (l8): 1 point',
        '7 (l7): 1 point',
        '4|9 (l49)',
        '  4 (l4): 2 points',
        '  9 (l9): 1 point',
      ],
    },
    {
      moment: 'after the last event',
      position: story.length + 5,
      then: [
        '3/5/8 (l358)',
        '  3 (l3): 1 point',
        '  5 (l5): 2 points',
        '  8 (l8): 1 point',
        '7 (l7)',
        '4 or 9 (l49)',
        '  4 (l4): 2 points',
        '  9 (l9): 2 points',
      ],
    },
  ])('shows the tree $moment', ({ position, then }) => {
    expect(formatTree(treeAt(recorded, 'c1', position))).toBe(then.join('\n'));
  });

  it('keeps the other campaign out of the tree it rebuilds', () => {
    expect(formatTree(treeAt(recorded, 'c2', story.length))).toBe('four (l4)\nnine (l9)');
  });

  it('folds without modifying the trees or the events it is given', () => {
    const loose = recorded.reduce(evolveLabelTrees, initialLabelTrees);

    // Frozen inputs throw on any write in strict-mode code, so a mutation fails the fold.
    const frozen = structuredClone(recorded).reduce(
      (trees, event) => evolveLabelTrees(deepFreeze(trees), deepFreeze(event)),
      initialLabelTrees,
    );

    expect(frozen).toEqual(loose);
  });

  it('rebuilds from a store read the trees a live subscription showed', async () => {
    const store = openEventStore('sqlite::memory:');
    const shown = new Map<number, LabelTree>();
    let trees = initialLabelTrees;
    let caughtUp = () => {};
    const allShown = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribe(0, (event) => {
      trees = evolveLabelTrees(trees, event);
      shown.set(event.metadata.position, labelTreeOf(trees, 'c1'));
      if (shown.size === story.length) caughtUp();
    });

    try {
      for (const event of story) {
        await store.append(`campaign-${event.data.campaignId}`, [event], {
          expectedVersion: 'any',
        });
      }
      await Promise.race([allShown, subscription.done]);
      await subscription.close();
      const all = await store.readAll();

      for (const [position, tree] of shown) {
        expect(treeAt(all, 'c1', position), `at position ${position}`).toEqual(tree);
      }
      expect(shown.size).toBe(story.length);
    } finally {
      await store.close();
    }
  });
});
