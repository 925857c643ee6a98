import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  let values: ReturnType<typeof parseScriptArgs<O>>;
  try {
    values = parseScriptArgs(process.argv.slice(2), options);
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
  /** The results folder an option names (or its default), made now; unusable fails. */
  const outFolder = (name: string, fallback: string) => {
    const text = (values as Record<string, unknown>)[name];
    try {
      return writableFolder(`--${name}`, typeof text === 'string' ? text : fallback);
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  return { values, fail, number, outFolder };
}

/**
 * The options' values; an unknown option, a missing value or an option given twice (which
 * of the two was meant is not ours to guess) is refused.
 */
export function parseScriptArgs<const O extends Options>(args: string[], options: O) {
  const { values, tokens } = parseArgs({
    options,
    args: attachNegativeValues(args, options),
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) {
      throw new ValidationError(`--${token.name} is given more than once; give it once`);
    }
    seen.add(token.name);
  }
  return values;
}

/**
 * Makes a folder the product writes to (`what`: the option or variable naming it), one level
 * at a time: node's recursive mkdir never returns under /proc. Refused, before any work
 * starts, when the path is empty, a part of it is a file, or a file cannot be written there
 * (checked by writing one: as root every permission check passes, even in /proc).
 */
export function writableFolder(what: string, path: string): string {
  const refuse = (why: string): never => {
    throw new ValidationError(`${what}: cannot write to ${shownInput(path, 300)}: ${why}`);
  };
  if (path.trim() === '') refuse('name a folder');
  const target = resolve(path);
  const missing: string[] = [];
  let existing = target;
  while (!exists(existing)) {
    missing.unshift(existing);
    existing = dirname(existing);
  }
  if (!statSync(existing).isDirectory()) refuse(`${existing} is a file, not a folder`);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      refuse((error as Error).message);
    }
  }
  const probe = resolve(target, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    refuse((error as Error).message);
  }
  return target;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
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
