import { describe, expect, it } from 'vitest';
import { grownDigits } from '../../../scripts/queried-share/grown-labels';

describe('grownDigits', () => {
  // On a line: a group at 0-3, another at 10-13, a straggler at 100, a far pair at 200-201.
  // The model put the straggler in the second group's cluster, the far pair in a third one.
  const positions = [0, 1, 2, 3, 10, 11, 12, 13, 100, 200, 201];
  const embedding = Float32Array.from(positions);
  const clusters = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]);

  it('grows each vote up to the widest gap before the other digit', () => {
    // Core distances (2nd nearest): 2, 1, 1, 2 | 2, 1, 1, 2 | 88 | 100, 101. The tree's
    // widest edge between the votes is 3-10 (7), so each group takes its end's digit; 100
    // and beyond lie past the last vote's growth.
    const digits = grownDigits(
      embedding,
      clusters,
      new Map([
        [0, 4],
        [7, 9],
      ]),
      2,
    );

    expect(Array.from(digits)).toEqual([4, 4, 4, 4, 9, 9, 9, 9, 9, -1, -1]);
  });

  it('gives what no growth reaches the digit most voted in its cluster, the lower on a tie', () => {
    // The straggler's cluster now holds one vote for 4 and one for 9.
    const tied = Int32Array.from([3, 0, 0, 0, 1, 1, 1, 3, 3, 2, 2]);
    const digits = grownDigits(
      embedding,
      tied,
      new Map([
        [0, 4],
        [7, 9],
      ]),
      2,
    );

    expect(digits[8]).toBe(4);
    expect(Array.from(digits.subarray(0, 8))).toEqual([4, 4, 4, 4, 9, 9, 9, 9]);
  });
});
