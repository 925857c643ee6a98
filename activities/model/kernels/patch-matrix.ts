/**
 * Geometry of a 2-D convolution over NHWC tensors, as the patch-matrix helpers need it.
 * `top` and `left` are the zero padding added before the first row and column.
 */
export interface PatchGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  top: number;
  left: number;
}

/** Columns of the patch matrix: one per filter tap and input channel. */
export function patchWidth(g: PatchGeometry): number {
  return g.filterHeight * g.filterWidth * g.inChannels;
}

/** Rows of the patch matrix: one per output pixel of every image in the batch. */
export function patchRows(g: PatchGeometry): number {
  return g.batch * g.outHeight * g.outWidth;
}

/**
 * Writes the patch matrix (im2col) of `image` transposed: [filterHeight * filterWidth *
 * inChannels, batch * outHeight * outWidth], one row per tap, so that a product with it on
 * the left needs no transpose. Taps that fall into the padding are zero. Each filter
 * position reads the image once, a pixel's channels together, and writes its channels'
 * rows side by side: one pass per channel, reading a cache line per value, took twice as
 * long.
 */
export function writeTransposedPatches(
  image: Float32Array,
  g: PatchGeometry,
  transposed: Float32Array,
): void {
  const channels = g.inChannels;
  const rows = patchRows(g);
  const rowStride = g.inWidth * channels;
  const imageStride = g.inHeight * rowStride;
  for (let kh = 0; kh < g.filterHeight; kh++) {
    for (let kw = 0; kw < g.filterWidth; kw++) {
      const tapRow = (kh * g.filterWidth + kw) * channels * rows;
      let column = 0;
      for (let b = 0; b < g.batch; b++) {
        for (let oh = 0; oh < g.outHeight; oh++) {
          const ih = oh * g.strideHeight - g.top + kh;
          for (let ow = 0; ow < g.outWidth; ow++, column++) {
            const iw = ow * g.strideWidth - g.left + kw;
            const at = tapRow + column;
            if (ih < 0 || ih >= g.inHeight || iw < 0 || iw >= g.inWidth) {
              for (let c = 0; c < channels; c++) transposed[at + c * rows] = 0;
            } else {
              const from = b * imageStride + ih * rowStride + iw * channels;
              for (let c = 0; c < channels; c++) transposed[at + c * rows] = image[from + c]!;
            }
          }
        }
      }
    }
  }
}

/**
 * The adjoint of im2col (col2im): adds every entry of the [pixels, taps] patch matrix back
 * onto the pixel it was read from. `image` is overwritten, not accumulated into.
 */
export function foldPatches(patches: Float32Array, g: PatchGeometry, image: Float32Array): void {
  const rowStride = g.inWidth * g.inChannels;
  const imageStride = g.inHeight * rowStride;
  image.fill(0);
  let col = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = oh * g.strideHeight - g.top + kh;
          for (let kw = 0; kw < g.filterWidth; kw++) {
            const iw = ow * g.strideWidth - g.left + kw;
            if (ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth) {
              const to = b * imageStride + ih * rowStride + iw * g.inChannels;
              for (let c = 0; c < g.inChannels; c++) image[to + c]! += patches[col + c]!;
            }
            col += g.inChannels;
          }
        }
      }
    }
  }
}
