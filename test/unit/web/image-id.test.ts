import { describe, expect, it } from 'vitest';

import { ValidationError } from '../../../events/errors';
import { parseImageId } from '../../../web/src/lib/server/images/image-id';

describe('an image id from a URL', () => {
  it.each([
    ['0', 0],
    ['17', 17],
    ['1999', 1999],
  ])('reads %j as image %d', (text, id) => {
    expect(parseImageId(text)).toBe(id);
  });

  it.each(['abc', '1e3', '0x10', ' ', '', '-1', '1.5', '12 ', '9999999999'])(
    'refuses %j, naming it',
    (text) => {
      expect(() => parseImageId(text)).toThrow(ValidationError);
      expect(() => parseImageId(text)).toThrow(`received ${JSON.stringify(text)}`);
    },
  );

  it('shortens a very long id in its message', () => {
    expect(() => parseImageId('x'.repeat(5000))).toThrow(`received "${'x'.repeat(40)}…"`);
  });
});
