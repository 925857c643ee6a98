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
 * Writes the patch matrix (im2col) of `image` into `patches`, row-major
 * [batch * outHeight * outWidth, filterHeight * filterWidth * inChannels].
 * Taps that fall into the padding are zero. Plain element loops, not subarray copies:
 * with 1 to 64 channels a view object per tap would cost more than the copy itself.
 */
export function writePatches(image: Float32Array, g: PatchGeometry, patches: Float32Array): void {
  const channels = g.inChannels;
  const rowStride = g.inWidth * channels;
  const imageStride = g.inHeight * rowStride;
  let col = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = oh * g.strideHeight - g.top + kh;
          for (let kw = 0; kw < g.filterWidth; kw++) {
            const iw = ow * g.strideWidth - g.left + kw;
            if (ih < 0 || ih >= g.inHeight || iw < 0 || iw >= g.inWidth) {
              for (let c = 0; c < channels; c++) patches[col + c] = 0;
            } else {
              const from = b * imageStride + ih * rowStride + iw * channels;
              for (let c = 0; c < channels; c++) patches[col + c] = image[from + c]!;
            }
            col += channels;
          }
        }
      }
    }
  }
}

/**
 * The adjoint of `writePatches` (col2im): adds every patch-matrix entry back onto the
 * pixel it was read from. `image` is overwritten, not accumulated into.
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
