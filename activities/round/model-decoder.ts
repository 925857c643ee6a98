import type { TrainedModel } from '../model/train';
import type { Decoder } from '../sampling/decoder';

/** The round model's decoder as sampling calls it: every latent of a batch in one pass. */
export function modelDecoder(model: Pick<TrainedModel, 'decode'>): Decoder<Float32Array> {
  return (latents) => {
    if (latents.length === 0) return [];
    const images = model.decode(concatenated(latents), latents.length);
    const size = images.length / latents.length;
    return latents.map((_, i) => images.slice(i * size, (i + 1) * size));
  };
}

function concatenated(rows: readonly Float32Array[]): Float32Array {
  const joined = new Float32Array(rows.reduce((sum, row) => sum + row.length, 0));
  let offset = 0;
  for (const row of rows) {
    joined.set(row, offset);
    offset += row.length;
  }
  return joined;
}
