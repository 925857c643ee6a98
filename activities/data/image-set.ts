/** Images as the model reads them: row-major, channels last, values in [0, 1]. */
export interface ImageSet {
  /** count * height * width * channels values. */
  images: Float32Array;
  count: number;
  width: number;
  height: number;
  channels: number;
}

/** Real MNIST digits with their ground-truth labels, kept aside for evaluation only. */
export interface Digits extends ImageSet {
  labels: Int32Array;
  width: 28;
  height: 28;
  channels: 1;
}
