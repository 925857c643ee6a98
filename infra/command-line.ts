import { parseArgs, type ParseArgsConfig } from 'node:util';

import { ValidationError } from '../events/errors';
import { shownInput } from '../events/rules/shown-input';

/** Reads a numeric option, refusing anything outside its range before anything starts. */
export function numberOption(
  name: string,
  text: string,
  min: number,
  max: number,
  integer: boolean,
) {
  // Decimal only: Number() would also read '0x200' as 512 and ' ' as 0.
  const decimal = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text);
  const value = Number(text);
  if (!decimal || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ValidationError(
      `--${name} must be ${integer ? 'an integer' : 'a number'}, got ${shownInput(text)}`,
    );
  }
  if (value < min || value > max) {
    throw new ValidationError(
      `--${name} must be from ${min} to ${max}, got ${shownInput(text.trim())}`,
    );
  }
  return value;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command line of a script: parsed, `--help` printed (exit 0), and any refusal printed
 * with the usage (exit 2) before the script does anything. The options must include `help`.
 */
export function scriptCommandLine<const O extends Options>(
  script: string,
  help: string,
  options: O,
) {
  const fail = (message: string): never => {
    console.error(`${script}: ${message}\n\n${help}`);
    process.exit(2);
  };
  let values: ReturnType<typeof parseArgs<{ options: O }>>['values'];
  try {
    values = parseArgs({
      options,
      args: attachNegativeValues(process.argv.slice(2), options),
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  if ((values as { help?: boolean }).help) {
    console.log(help);
    process.exit(0);
  }
  /** A numeric option, or its default when absent; out of range fails the script. */
  const number = (name: string, fallback: number, range: [number, number], integer = true) => {
    const text = (values as Record<string, unknown>)[name];
    if (typeof text !== 'string') return fallback;
    try {
      return numberOption(name, text, range[0], range[1], integer);
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  return { values, fail, number };
}

/**
 * Writes `--rounds -1` as `--rounds=-1`: node's parser takes a value that starts with a dash
 * for an option and refuses it as ambiguous, where the range check would say what is wrong.
 */
export function attachNegativeValues(args: string[], options: Options): string[] {
  const takesValue = (arg: string | undefined) =>
    arg?.startsWith('--') === true && options[arg.slice(2)]?.type === 'string';
  const negative = (arg: string | undefined) => arg !== undefined && /^-\.?\d/.test(arg);
  return args.flatMap((arg, index) => {
    if (negative(arg) && takesValue(args[index - 1])) return [];
    return takesValue(arg) && negative(args[index + 1]) ? [`${arg}=${args[index + 1]}`] : [arg];
  });
}
