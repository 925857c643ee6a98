/**
 * Trains the autoencoder on real MNIST digits and prints k-means clustering accuracy on
 * its embedding beside k-means on raw pixels. One JSON line per seed goes to stdout's end
 * so runs can be tabulated. Example:
 *   npx tsx scripts/experiments/autoencoder-accuracy.ts --count 2000 --seeds 1,2 --epochs 20
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { clusteringAccuracy, clusteringScores } from '../../activities/clustering/accuracy';
import { kMeans } from '../../activities/clustering/kmeans';
import type { Digits } from '../../activities/data/image-set';
import { loadMnistDigits } from '../../activities/data/mnist';
import type { AutoencoderConfig } from '../../activities/model/autoencoder';
import { initModelBackend } from '../../activities/model/backend';
import { loadTrainedModel, trainAutoencoder } from '../../activities/model/train';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seeds: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '20' },
    batch: { type: 'string', default: '64' },
    filters: { type: 'string', default: '16,32,64' },
    kernels: { type: 'string', default: '5,5,3' },
    hidden: { type: 'string', default: '64' },
    embedding: { type: 'string', default: '10' },
    lr: { type: 'string', default: '0.001' },
    lambda: { type: 'string', default: '0' },
    from: { type: 'string', default: '0' },
    aug: { type: 'string', default: '2,0.2,0.1' },
    backend: { type: 'string', default: 'wasm' },
    label: { type: 'string', default: '' },
    'eval-every': { type: 'string', default: '0' },
    save: { type: 'string', default: '' },
    'reconstruct-original': { type: 'boolean', default: false },
  },
});

const numbers = (text: string) => text.split(',').map(Number);

function standardized(values: Float32Array, count: number, width: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let d = 0; d < width; d++) {
    let mean = 0;
    for (let i = 0; i < count; i++) mean += values[i * width + d]! / count;
    let variance = 0;
    for (let i = 0; i < count; i++) variance += (values[i * width + d]! - mean) ** 2 / count;
    const scale = 1 / Math.sqrt(variance + 1e-12);
    for (let i = 0; i < count; i++) out[i * width + d] = (values[i * width + d]! - mean) * scale;
  }
  return out;
}

/** k-means accuracy of a checkpoint's embedding (raw / standardized), for learning curves. */
function accuracyOf(weights: Uint8Array, config: AutoencoderConfig, digits: Digits, seed: number) {
  const model = loadTrainedModel(config, weights);
  const embedding = model.embed(digits.images, digits.count);
  model.dispose();
  const width = config.embeddingSize;
  const raw = kMeans(embedding, digits.count, width, { k: 10, seed });
  const std = kMeans(standardized(embedding, digits.count, width), digits.count, width, {
    k: 10,
    seed,
  });
  const rawAccuracy = clusteringAccuracy(digits.labels, raw.assignments).toFixed(3);
  return `${rawAccuracy} / ${clusteringAccuracy(digits.labels, std.assignments).toFixed(3)}`;
}

async function main() {
  const backend = await initModelBackend(args.backend as 'wasm');
  const digits = loadMnistDigits({ count: Number(args.count) });
  const [shift, rotation, scale] = numbers(args.aug);
  const augmentation =
    args.aug === 'none' ? null : { maxShift: shift!, maxRotation: rotation!, maxScale: scale! };
  const embeddingSize = Number(args.embedding);
  console.log(`1. backend ${backend}, ${digits.count} digits, args ${JSON.stringify(args)}`);

  for (const seed of numbers(args.seeds)) {
    const pixels = kMeans(digits.images, digits.count, 784, { k: 10, seed, restarts: 3 });
    const pixelScores = clusteringScores(digits.labels, pixels.assignments);
    console.log(`2. seed ${seed}: k-means on pixels accuracy ${pixelScores.accuracy.toFixed(3)}`);

    const config = {
      embeddingSize,
      filters: numbers(args.filters) as [number, number, number],
      kernelSizes: numbers(args.kernels) as [number, number, number],
      hiddenUnits: Number(args.hidden),
    };
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    const trained = await trainAutoencoder({
      images: digits.images,
      count: digits.count,
      seed,
      epochs: Number(args.epochs),
      batchSize: Number(args.batch),
      config,
      options: {
        learningRate: Number(args.lr),
        clusteringWeight: Number(args.lambda),
        clusteringFromEpoch: Number(args.from),
        clusters: 10,
        augmentation,
        reconstructOriginal: args['reconstruct-original'],
      },
      onEpochEnd: ({ epoch, epochs, loss, samplesPerSecond, weights }) => {
        const every = Number(args['eval-every']);
        const interim =
          every > 0 && (epoch + 1) % every === 0 && epoch + 1 < epochs
            ? ` accuracy ${accuracyOf(weights(), config, digits, seed)}`
            : '';
        console.log(
          `   epoch ${epoch + 1}/${epochs} loss ${loss.toFixed(5)} ` +
            `${samplesPerSecond.toFixed(0)} samples/s${interim}`,
        );
      },
    });
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;

    const embedding = trained.embed(digits.images, digits.count);
    trained.dispose();
    if (args.save !== '') {
      const file = `${args.save}-seed${seed}.json`;
      writeFileSync(
        file,
        JSON.stringify({ embedding: Array.from(embedding), labels: Array.from(digits.labels) }),
      );
    }
    const raw = kMeans(embedding, digits.count, embeddingSize, { k: 10, seed });
    const std = kMeans(
      standardized(embedding, digits.count, embeddingSize),
      digits.count,
      embeddingSize,
      {
        k: 10,
        seed,
      },
    );
    const rawScores = clusteringScores(digits.labels, raw.assignments);
    const stdScores = clusteringScores(digits.labels, std.assignments);
    console.log(
      `3. seed ${seed}: embedding accuracy ${rawScores.accuracy.toFixed(3)} ` +
        `(standardized ${stdScores.accuracy.toFixed(3)}), NMI ${rawScores.nmi.toFixed(3)}, ` +
        `ARI ${rawScores.ari.toFixed(3)}; training ${wallSeconds.toFixed(1)} s wall, ` +
        `${cpuSeconds.toFixed(1)} s cpu`,
    );
    console.log(
      'RESULT ' +
        JSON.stringify({
          label: args.label,
          seed,
          pixels: +pixelScores.accuracy.toFixed(4),
          accuracy: +rawScores.accuracy.toFixed(4),
          standardized: +stdScores.accuracy.toFixed(4),
          nmi: +rawScores.nmi.toFixed(4),
          wallSeconds: +wallSeconds.toFixed(1),
          cpuSeconds: +cpuSeconds.toFixed(1),
          args,
        }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
