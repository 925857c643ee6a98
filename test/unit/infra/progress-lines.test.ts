import { describe, expect, it } from 'vitest';
import { describeWorkerLine } from '../../../infra/progress-lines';

describe('progress lines of npm start', () => {
  it.each([
    [
      {
        message: 'epoch done',
        campaignId: 'c',
        round: 1,
        epoch: 3,
        epochs: 12,
        loss: 0.03141,
        samplesPerSecond: 812.4,
      },
      '[c round 1] epoch 3/12: loss 0.0314, 812 images/s',
    ],
    [
      {
        message: 'clusters assigned',
        campaignId: 'c',
        round: 2,
        accuracy: 0.8123,
        embeddingKMeansAccuracy: 0.7,
        pixelAccuracy: 0.6,
      },
      '[c round 2] forward pass done: clustering accuracy 0.812 ' +
        '(k-means on the embedding 0.700, on raw pixels 0.600)',
    ],
    [
      { message: 'training resumes from checkpoint', campaignId: 'c', round: 1, nextEpoch: 4 },
      '[c round 1] training resumes at epoch 4 after a restart',
    ],
    [
      {
        message: 'pair change refused',
        campaignId: 'c',
        round: 2,
        pairId: 'c.r2.p1',
        reason: 'label l1 was already changed this round (pair c.r2.p3)',
      },
      '[c round 2] votes on pair c.r2.p1 changed nothing: label l1 was already changed this ' +
        'round (pair c.r2.p3)',
    ],
  ])('describes %o', (fields, expected) => {
    expect(describeWorkerLine(JSON.stringify(fields))).toBe(expected);
  });

  it.each(['not json', JSON.stringify({ message: 'something internal' })])(
    'leaves %s to the log',
    (line) => expect(describeWorkerLine(line)).toBeUndefined(),
  );
});
