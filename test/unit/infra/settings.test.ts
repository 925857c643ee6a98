import { describe, expect, it } from 'vitest';
import { portProblem, readSettings } from '../../../infra/settings';

const problemOf = (env: NodeJS.ProcessEnv) => portProblem(readSettings(env), env);

describe('the ports npm start listens on', () => {
  it('accepts the defaults and any three distinct ports', () => {
    expect(problemOf({})).toBeNull();
    expect(problemOf({ PORT: '4000', TEMPORAL_PORT: '4001', TEMPORAL_UI_PORT: '4002' })).toBeNull();
  });

  it('refuses a port that is not a number from 1 to 65535, naming the variable', () => {
    expect(problemOf({ PORT: 'abc' })).toBe(
      'PORT must be a port number from 1 to 65535, got "abc"',
    );
    expect(problemOf({ TEMPORAL_PORT: '70000' })).toBe(
      'TEMPORAL_PORT must be a port number from 1 to 65535, got "70000"',
    );
    for (const text of ['0x7A00', ' 3000', '']) {
      expect(problemOf({ PORT: text })).toBe(
        `PORT must be a port number from 1 to 65535, got ${JSON.stringify(text)}`,
      );
    }
  });

  it('refuses two servers on one port', () => {
    expect(problemOf({ PORT: '7233' })).toBe(
      'PORT and TEMPORAL_PORT are both 7233; each server needs its own port',
    );
  });
});
