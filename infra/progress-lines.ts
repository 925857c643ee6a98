/**
 * Turns the worker's structured log lines into what a person at the terminal wants to see:
 * training epochs and forward-pass results. Other lines are left to the log.
 */
export function describeWorkerLine(line: string): string | undefined {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }

  const round = `[${String(fields.campaignId)} round ${String(fields.round)}]`;
  const number = (name: string, digits: number) => Number(fields[name]).toFixed(digits);
  switch (fields.message) {
    case 'epoch done':
      return (
        `${round} epoch ${String(fields.epoch)}/${String(fields.epochs)}: loss ` +
        `${number('loss', 4)}, ${number('samplesPerSecond', 0)} images/s`
      );
    case 'training resumes from checkpoint':
      return `${round} training resumes at epoch ${String(fields.nextEpoch)} after a restart`;
    case 'clusters assigned':
      return (
        `${round} forward pass done: clustering accuracy ${number('accuracy', 3)} ` +
        `(k-means on the embedding ${number('embeddingKMeansAccuracy', 3)}, ` +
        `on raw pixels ${number('pixelAccuracy', 3)})`
      );
    case 'pair change refused':
      return (
        `${round} votes on pair ${String(fields.pairId)} changed nothing: ` + String(fields.reason)
      );
    case 'model backend ready':
      return `[worker] tensorflow.js backend: ${String(fields.backend)}`;
    case 'worker ready':
      return `[worker] ready (pid ${String(fields.pid)})`;
    default:
      return undefined;
  }
}
