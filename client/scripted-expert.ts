import type { RecordedEvent } from '../events/catalog';
import type { EventStore } from '../events/store/event-store';
import { loadMnistDigits } from '../activities/data/mnist';
import { seededRandom, type Random } from '../activities/clustering/seeded-random';
import type { CampaignClient } from './campaign-client';

/**
 * The answer a scripted expert gives: the true label, except with probability `noise` a
 * uniformly chosen wrong option, so tests and demos can model careless experts.
 */
export function chooseAnswer(
  truth: string,
  options: readonly string[],
  noise: number,
  random: Random,
) {
  const wrong = options.filter((option) => option !== truth);
  if (wrong.length === 0 || random() >= noise) return truth;
  return wrong[Math.floor(random() * wrong.length)]!;
}

export interface ScriptedExpertOptions {
  store: EventStore;
  client: CampaignClient;
  expertId: string;
  /** Share of answers that are deliberately wrong, 0 to 1. */
  noise?: number;
  seed?: number;
  onAnswer?: (answer: { queryId: string; answer: string; truth: string }) => void;
  onError?: (error: unknown) => void;
}

/**
 * An expert that answers from the ground truth of the MNIST digits: it follows the event
 * store and answers every query issued to it, through the same path a person's answer takes.
 */
export function startScriptedExpert(options: ScriptedExpertOptions) {
  const { store, client, expertId, noise = 0 } = options;
  const random = seededRandom(options.seed ?? 1);
  const truthByCampaign = new Map<string, Int32Array>();

  const answer = async (event: RecordedEvent) => {
    if (event.type === 'DatasetRegistered') {
      truthByCampaign.set(event.data.campaignId, loadMnistDigits(event.data.source).labels);
      return;
    }
    if (event.type !== 'QueryIssued' || !event.data.experts.includes(expertId)) return;

    const { campaignId, round, queryId, imageId, options: choices } = event.data;
    const truth = String(truthByCampaign.get(campaignId)?.[imageId] ?? '');
    const given = chooseAnswer(truth, choices, noise, random);
    try {
      await client.answerQuery({ campaignId, round }, { queryId, expertId, answer: given });
      options.onAnswer?.({ queryId, answer: given, truth });
    } catch (error) {
      // An answer refused because the query closed or expired meanwhile is expected.
      options.onError?.(error);
    }
  };

  return store.subscribe(0, answer);
}
