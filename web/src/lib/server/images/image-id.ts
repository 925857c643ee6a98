import { ValidationError } from '../../../../../events/errors';

/**
 * An image id from a URL: decimal digits only. `Number()` alone would take '1e3', '0x10'
 * and ' ' as ids and turn 'abc' into NaN, which then reads as "image not found".
 */
export function parseImageId(text: string): number {
  if (!/^\d{1,9}$/.test(text)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new ValidationError(
      'image id: expected a whole number written in decimal digits, ' +
        `received ${JSON.stringify(shown)}`,
    );
  }
  return Number(text);
}
