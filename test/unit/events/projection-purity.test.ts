import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../events/catalog';
import { evolveAuditTrail, initialAuditTrail } from '../../../events/projections/audit-trail';
import {
  evolveCampaignStatus,
  initialCampaignStatus,
} from '../../../events/projections/campaign-status';
import { evolveQueryQueue, initialQueryQueue } from '../../../events/projections/query-queue';
import { asRecorded, campaignStory } from './event-fixtures';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const projections = [
  { name: 'campaign status', initial: initialCampaignStatus, evolve: evolveCampaignStatus },
  { name: 'query queue', initial: initialQueryQueue, evolve: evolveQueryQueue },
  { name: 'audit trail', initial: initialAuditTrail, evolve: evolveAuditTrail },
] as {
  name: string;
  initial: unknown;
  evolve: (state: unknown, event: RecordedEvent) => unknown;
}[];

describe('projections are pure folds', () => {
  const story = [...asRecorded(campaignStory('c1')), ...asRecorded(campaignStory('c2'))];

  it.each(projections)('$name never modifies the state or the event it is given', (projection) => {
    const loose = story.reduce(projection.evolve, projection.initial);

    // Frozen inputs throw on any write in strict-mode code, so a mutation fails the fold.
    const frozen = structuredClone(story).reduce(
      (state, event) => projection.evolve(deepFreeze(state), deepFreeze(event)),
      projection.initial,
    );

    expect(frozen).toEqual(loose);
  });

  it.each(projections)('$name gives the same state for the same events', (projection) => {
    const once = story.reduce(projection.evolve, projection.initial);
    const again = structuredClone(story).reduce(projection.evolve, projection.initial);

    expect(again).toEqual(once);
  });
});
