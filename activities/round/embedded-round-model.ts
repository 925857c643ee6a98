import type { ModelSettings } from '../../workflows/campaign-input';
import type { Digits } from '../data/image-set';
import { loadMnistDigits } from '../data/mnist';
import type { ActivityDependencies } from '../dependencies';
import { initModelBackend } from '../model/backend';
import { loadTrainedModel, type TrainedModel } from '../model/train';
import { autoencoderConfigFor } from './model-config';

/** What loads a round's model: its campaign's dataset and model, and the round's weights. */
export interface RoundModelRef {
  dataset: { kind: 'mnist'; count: number; offset: number };
  model: ModelSettings;
  /** Classes of the model's head, as training reported them. */
  classes: number;
  weightsHash: string;
}

/** A round's model with every digit of the campaign embedded; the caller disposes the model. */
export interface EmbeddedRoundModel {
  model: TrainedModel;
  digits: Digits;
  embedding: Float32Array;
  width: number;
}

/**
 * Loads the round's weights on the worker's backend and embeds the campaign's digits, as the
 * steps that decode samples between label groups need. The model is disposed here only if
 * embedding fails.
 */
export async function loadEmbeddedRoundModel(
  { artefacts, progress }: Pick<ActivityDependencies, 'artefacts' | 'progress'>,
  ref: RoundModelRef,
): Promise<EmbeddedRoundModel> {
  await initModelBackend(undefined, progress);
  const digits = loadMnistDigits(ref.dataset);
  const model = loadTrainedModel(
    { ...autoencoderConfigFor(ref.model), classes: ref.classes },
    await artefacts.get(ref.weightsHash),
  );
  try {
    const embedding = model.embed(digits.images, digits.count);
    return { model, digits, embedding, width: model.config.embeddingSize };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
