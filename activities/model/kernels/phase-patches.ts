import type { PatchGeometry } from './patch-matrix';

/**
 * One phase of a strided convolution's input gradient. Input rows whose padded index has
 * remainder `rowPhase` modulo the stride are reached only by filter rows with that same
 * remainder (likewise for columns), so each phase is an ordinary dense product:
 * [its input pixels, its taps x outChannels] x [its taps x outChannels, inChannels].
 */
export interface Phase {
  /** Input rows of this phase, ascending. */
  rows: number[];
  cols: number[];
  /** Filter rows and columns that reach this phase. */
  filterRows: number[];
  filterCols: number[];
}

/** The stride x stride phases that have at least one input pixel and one filter tap. */
export function phasesOf(g: PatchGeometry): Phase[] {
  const phases: Phase[] = [];
  for (let rowPhase = 0; rowPhase < g.strideHeight; rowPhase++) {
    for (let colPhase = 0; colPhase < g.strideWidth; colPhase++) {
      const phase = {
        rows: inPhase(g.inHeight, g.top, g.strideHeight, rowPhase),
        cols: inPhase(g.inWidth, g.left, g.strideWidth, colPhase),
        filterRows: inPhase(g.filterHeight, 0, g.strideHeight, rowPhase),
        filterCols: inPhase(g.filterWidth, 0, g.strideWidth, colPhase),
      };
      const empty = [phase.rows, phase.cols, phase.filterRows, phase.filterCols].some(
        (list) => list.length === 0,
      );
      if (!empty) phases.push(phase);
    }
  }
  return phases;
}

function inPhase(size: number, offset: number, stride: number, phase: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < size; i++) if ((i + offset) % stride === phase) members.push(i);
  return members;
}

/**
 * The phase's patch matrix of dy, row-major [batch x rows x cols, filterRows x filterCols
 * x outChannels]: for input pixel (ih, iw) and tap (kh, kw), the dy pixel that the tap
 * carried there in the forward pass, or zero where none did. Where each entry comes from
 * is worked out once for one image and reused for the batch.
 */
export function writePhasePatches(
  dy: Float32Array,
  g: PatchGeometry,
  outChannels: number,
  phase: Phase,
  patches: Float32Array,
): void {
  const sources = phaseSources(g, outChannels, phase);
  const dyImage = g.outHeight * g.outWidth * outChannels;
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    const image = b * dyImage;
    for (const source of sources) {
      if (source < 0) {
        for (let c = 0; c < outChannels; c++) patches[at + c] = 0;
      } else {
        const from = image + source;
        for (let c = 0; c < outChannels; c++) patches[at + c] = dy[from + c]!;
      }
      at += outChannels;
    }
  }
}

/**
 * For each input pixel of the phase and each of its taps, in patch-matrix order, the
 * offset of the dy pixel within one image, or -1 where the tap carried none there.
 */
function phaseSources(g: PatchGeometry, outChannels: number, phase: Phase): Int32Array {
  const taps = phase.filterRows.length * phase.filterCols.length;
  const sources = new Int32Array(phase.rows.length * phase.cols.length * taps);
  let at = 0;
  for (const ih of phase.rows) {
    for (const iw of phase.cols) {
      for (const kh of phase.filterRows) {
        const oh = (ih + g.top - kh) / g.strideHeight;
        for (const kw of phase.filterCols) {
          const ow = (iw + g.left - kw) / g.strideWidth;
          const outside = oh < 0 || oh >= g.outHeight || ow < 0 || ow >= g.outWidth;
          sources[at++] = outside ? -1 : (oh * g.outWidth + ow) * outChannels;
        }
      }
    }
  }
  return sources;
}

/**
 * The phase's filter as a matrix [filterRows x filterCols x outChannels, inChannels],
 * read from the [height, width, inChannels, outChannels] filter.
 */
export function writePhaseFilter(
  filter: Float32Array,
  g: PatchGeometry,
  outChannels: number,
  phase: Phase,
  matrix: Float32Array,
): void {
  const inChannels = g.inChannels;
  let at = 0;
  for (const kh of phase.filterRows) {
    for (const kw of phase.filterCols) {
      const tap = (kh * g.filterWidth + kw) * inChannels * outChannels;
      for (let co = 0; co < outChannels; co++) {
        for (let ci = 0; ci < inChannels; ci++) {
          matrix[at++] = filter[tap + ci * outChannels + co]!;
        }
      }
    }
  }
}

/** Copies the phase's product [batch x rows x cols, inChannels] into its pixels of dx. */
export function scatterPhase(
  product: Float32Array,
  g: PatchGeometry,
  phase: Phase,
  dx: Float32Array,
): void {
  const inChannels = g.inChannels;
  const dxRow = g.inWidth * inChannels;
  const dxImage = g.inHeight * dxRow;
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (const ih of phase.rows) {
      for (const iw of phase.cols) {
        const to = b * dxImage + ih * dxRow + iw * inChannels;
        for (let c = 0; c < inChannels; c++) dx[to + c] = product[at + c]!;
        at += inChannels;
      }
    }
  }
}
