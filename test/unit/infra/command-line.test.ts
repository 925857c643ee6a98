import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  attachNegativeValues,
  numberOption,
  parseScriptArgs,
  writableFolder,
} from '../../../infra/command-line';

const options = { rounds: { type: 'string' }, quick: { type: 'boolean' } } as const;

describe('the command line of a script', () => {
  it('attaches a negative number to the option before it, so the range check can refuse it', () => {
    expect(attachNegativeValues(['--rounds', '-1', '--quick'], options)).toEqual([
      '--rounds=-1',
      '--quick',
    ]);
    expect(attachNegativeValues(['--rounds', '-.5'], options)).toEqual(['--rounds=-.5']);
    expect(() => numberOption('rounds', '-1', 1, 100, true)).toThrow(
      '--rounds must be from 1 to 100, got -1',
    );
  });

  it('leaves options, flags and positive values as they are', () => {
    expect(attachNegativeValues(['--rounds', '3', '--quick'], options)).toEqual([
      '--rounds',
      '3',
      '--quick',
    ]);
    // a boolean takes no value: what follows is the parser's to judge
    expect(attachNegativeValues(['--quick', '-1'], options)).toEqual(['--quick', '-1']);
    expect(attachNegativeValues(['--rounds', '-x'], options)).toEqual(['--rounds', '-x']);
  });

  it('quotes a value that is not a number, and cuts a long one', () => {
    expect(() => numberOption('count', 'abc', 1, 10, true)).toThrow(
      '--count must be an integer, got abc',
    );
    expect(() => numberOption('count', '9'.repeat(300), 1, 10, true)).toThrow(
      `--count must be from 1 to 10, got "${'9'.repeat(40)}…" (300 characters)`,
    );
  });

  it('reads decimal numbers only, in the notations people type', () => {
    expect(numberOption('count', '512', 1, 1000, true)).toBe(512);
    expect(numberOption('noise', '.05', 0, 1, false)).toBe(0.05);
    expect(numberOption('weight', '1e1', 0, 10, false)).toBe(10);
    for (const text of ['0x200', '0b11', ' ', '1_000']) {
      expect(() => numberOption('count', text, 0, 1000, true)).toThrow('must be an integer');
    }
  });

  it('refuses an option given twice, in either notation', () => {
    expect(parseScriptArgs(['--rounds', '2', '--quick'], options)).toEqual({
      rounds: '2',
      quick: true,
    });
    for (const args of [
      ['--rounds', '2', '--rounds', '3'],
      ['--rounds=2', '--rounds', '-3'],
    ]) {
      expect(() => parseScriptArgs(args, options)).toThrow(
        '--rounds is given more than once; give it once',
      );
    }
    expect(() => parseScriptArgs(['--quick', '--quick'], options)).toThrow('--quick is given');
  });
});

describe('a folder the product writes to', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'results-folder-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('makes the missing folders of the path, one level at a time', () => {
    const target = join(scratch, 'a', 'b', 'c');
    expect(writableFolder('--out', target)).toBe(target);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(writableFolder('--out', target)).toBe(target);
  });

  it('refuses a path through a file, naming the file', () => {
    const file = join(scratch, 'table.md');
    writeFileSync(file, 'results');
    for (const target of [file, join(file, 'deeper')]) {
      expect(() => writableFolder('--out', target)).toThrow(
        `--out: cannot write to ${target}: ${file} is a file, not a folder`,
      );
    }
  });

  it('refuses an empty name and a folder where no file can be written', () => {
    expect(() => writableFolder('--out', ' ')).toThrow('--out: cannot write to " ": name a folder');
    expect(() => writableFolder('DATA_DIR', '/proc')).toThrow(
      'DATA_DIR: cannot write to /proc: ENOENT',
    );
    expect(() => writableFolder('DATA_DIR', '/proc/x')).toThrow(
      "DATA_DIR: cannot write to /proc/x: ENOENT: no such file or directory, mkdir '/proc/x'",
    );
  });
});
