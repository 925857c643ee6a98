import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../activities/clustering/seeded-random';
import { chooseAnswer } from '../../../client/scripted-expert';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('the scripted expert', () => {
  it('always answers the truth without noise', () => {
    const random = seededRandom(3);
    const given = Array.from({ length: 200 }, () => chooseAnswer('4', digits, 0, random));
    expect(new Set(given)).toEqual(new Set(['4']));
  });

  it('answers wrong about as often as its noise rate, never with the truth when wrong', () => {
    const random = seededRandom(5);
    const given = Array.from({ length: 4000 }, () => chooseAnswer('4', digits, 0.25, random));
    const wrong = given.filter((answer) => answer !== '4');
    expect(wrong.length / given.length).toBeGreaterThan(0.22);
    expect(wrong.length / given.length).toBeLessThan(0.28);
    expect(new Set(wrong).size).toBe(9);
  });

  it('always errs at noise 1', () => {
    const random = seededRandom(9);
    expect(Array.from({ length: 50 }, () => chooseAnswer('0', ['0', '1'], 1, random))).toEqual(
      Array(50).fill('1'),
    );
  });
});
