/** A deterministic source of uniform numbers in [0, 1), so a seed fixes a whole round. */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit generator, plenty for shuffles, k-means++ draws and test data,
 * and identical on every platform (unlike Math.random, which cannot be seeded).
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of 0..count-1 drawn from `random`. */
export function shuffledIndices(count: number, random: Random): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
  return order;
}
