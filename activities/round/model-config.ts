import type { ModelSettings } from '../../workflows/campaign-input';
import type { AutoencoderConfig } from '../model/autoencoder';

/** The campaign's model settings in the terms of the autoencoder builder. */
export function autoencoderConfigFor(model: ModelSettings, classes = 0): AutoencoderConfig {
  return { embeddingSize: model.clusters, seed: model.seed, classes };
}
