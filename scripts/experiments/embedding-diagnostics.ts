/**
 * Diagnoses an embedding saved by `autoencoder-accuracy.ts --save`: k-means accuracy raw,
 * standardised and L2-normalised, 5-nearest-neighbour accuracy (is the class information
 * there at all?), and the k-means confusion table (which digits merge or split).
 *   npx tsx scripts/experiments/embedding-diagnostics.ts /tmp/run-seed1.json
 */
import { readFileSync } from 'node:fs';

import { clusteringAccuracy } from '../../activities/clustering/accuracy';
import { kMeans } from '../../activities/clustering/kmeans';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: embedding-diagnostics.ts <saved embedding json>');
const saved = JSON.parse(readFileSync(path, 'utf8')) as { embedding: number[]; labels: number[] };
const labels = saved.labels;
const count = labels.length;
const width = saved.embedding.length / count;
const embedding = Float32Array.from(saved.embedding);

function accuracyOf(points: Float32Array): string {
  const { assignments } = kMeans(points, count, width, { k: 10, seed: 1 });
  return clusteringAccuracy(labels, assignments).toFixed(3);
}

function mapRows(transform: (row: Float32Array) => void): Float32Array {
  const out = Float32Array.from(embedding);
  for (let i = 0; i < count; i++) transform(out.subarray(i * width, (i + 1) * width));
  return out;
}

function standardised(): Float32Array {
  const out = Float32Array.from(embedding);
  for (let d = 0; d < width; d++) {
    let mean = 0;
    let square = 0;
    for (let i = 0; i < count; i++) mean += embedding[i * width + d]! / count;
    for (let i = 0; i < count; i++) square += (embedding[i * width + d]! - mean) ** 2 / count;
    for (let i = 0; i < count; i++) {
      out[i * width + d] = (embedding[i * width + d]! - mean) / Math.sqrt(square + 1e-12);
    }
  }
  return out;
}

function nearestNeighbourAccuracy(neighbours: number): number {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const distances: [number, number][] = [];
    for (let j = 0; j < count; j++) {
      if (j === i) continue;
      let sum = 0;
      for (let d = 0; d < width; d++) {
        sum += (embedding[i * width + d]! - embedding[j * width + d]!) ** 2;
      }
      distances.push([sum, labels[j]!]);
    }
    distances.sort((a, b) => a[0] - b[0]);
    const votes = new Array<number>(10).fill(0);
    for (const [, label] of distances.slice(0, neighbours)) votes[label]!++;
    if (votes.indexOf(Math.max(...votes)) === labels[i]) correct++;
  }
  return correct / count;
}

const unit = mapRows((row) => {
  const norm = Math.hypot(...row) + 1e-12;
  row.forEach((v, d) => (row[d] = v / norm));
});
console.log(
  `1. k-means accuracy: raw ${accuracyOf(embedding)}, standardised ` +
    `${accuracyOf(standardised())}, L2-normalised ${accuracyOf(unit)}`,
);
console.log(`2. 5-NN accuracy (leave one out): ${nearestNeighbourAccuracy(5).toFixed(3)}`);
const { assignments } = kMeans(embedding, count, width, { k: 10, seed: 1 });
console.log('3. confusion: rows are digits, columns k-means clusters');
for (let digit = 0; digit < 10; digit++) {
  const row = new Array<number>(10).fill(0);
  labels.forEach((label, i) => label === digit && row[assignments[i]!]!++);
  console.log(`   ${digit} ${row.map((n) => String(n).padStart(4)).join('')}`);
}
