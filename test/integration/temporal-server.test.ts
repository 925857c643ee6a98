import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleWorkflowCode } from '@temporalio/worker';
import type { WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { IllegalStateError, NotFoundError } from '../../events/errors';
import { ensureTemporalCli } from '../../infra/temporal/cli';
import { startTemporalServer } from '../../infra/temporal/server';
import { startPrivateTemporalServer } from '../support/temporal-private-server';
import { runWithWorker } from '../support/temporal-worker';
import {
  answerSignal,
  answerStateQuery,
  expertAnswerWorkflow,
} from './fixtures/expert-answer-workflow';

const workflowsPath = fileURLToPath(
  new URL('./fixtures/expert-answer-workflow.ts', import.meta.url),
);

let workflowBundle: WorkflowBundle;
let scratch: string;

beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({ workflowsPath });
  scratch = await mkdtemp(join(tmpdir(), 'active-clustering-temporal-test-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the shared integration server', () => {
  it('runs a signalled workflow to its result', async () => {
    const taskQueue = `shared-${randomUUID()}`;
    const target = { address: inject('temporalAddress'), taskQueue, workflowBundle };

    const result = await runWithWorker(target, async (client) => {
      const handle = await client.workflow.start(expertAnswerWorkflow, {
        args: ['query-1'],
        taskQueue,
        workflowId: `expert-answer-${randomUUID()}`,
      });
      await handle.signal(answerSignal, 'looks like B');
      return handle.result();
    });

    expect(result).toBe('query-1 answered: looks like B');
  });
});

describe('a private server', () => {
  it('keeps a waiting workflow across a stop and restart on the same db file', async () => {
    const privateServer = await startPrivateTemporalServer();
    const taskQueue = `restart-${randomUUID()}`;
    const workflowId = `expert-answer-${randomUUID()}`;
    try {
      const before = { address: privateServer.server.address, taskQueue, workflowBundle };
      const stateBefore = await runWithWorker(before, async (client) => {
        const handle = await client.workflow.start(expertAnswerWorkflow, {
          args: ['query-7'],
          taskQueue,
          workflowId,
        });
        return handle.query(answerStateQuery);
      });
      const firstPid = privateServer.server.pid;

      await privateServer.restart();
      const after = { address: privateServer.server.address, taskQueue, workflowBundle };
      const result = await runWithWorker(after, async (client) => {
        const handle = client.workflow.getHandle(workflowId);
        await handle.signal(answerSignal, 'looks like A');
        return handle.result();
      });

      expect(stateBefore).toBe('waiting');
      expect(isAlive(firstPid)).toBe(false);
      expect(privateServer.server.pid).not.toBe(firstPid);
      expect(result).toBe('query-7 answered: looks like A');
    } finally {
      await privateServer.dispose();
    }
  });

  it('runs workflows in the namespace it was asked to create', async () => {
    const privateServer = await startPrivateTemporalServer({ namespace: 'campaigns' });
    const taskQueue = `namespace-${randomUUID()}`;
    try {
      const target = {
        address: privateServer.server.address,
        namespace: 'campaigns',
        taskQueue,
        workflowBundle,
      };
      const result = await runWithWorker(target, async (client) => {
        const handle = await client.workflow.start(expertAnswerWorkflow, {
          args: ['query-3'],
          taskQueue,
          workflowId: `expert-answer-${randomUUID()}`,
        });
        await handle.signal(answerSignal, 'neither');
        return handle.result();
      });

      expect(result).toBe('query-3 answered: neither');
    } finally {
      await privateServer.dispose();
    }
  });
});

/** Stand-ins for a wrong CLI path; none of them is offered as a Temporal CLI anywhere else. */
const wrongBinaries = [
  {
    case: 'a path where no file exists',
    file: 'no-such-temporal',
    content: undefined,
    mode: 0o755,
    error: NotFoundError,
    expected: ['no-such-temporal', 'is not an executable file (ENOENT)'],
  },
  {
    case: 'a file without execute permission',
    file: 'not-executable-temporal',
    content: '#!/bin/sh\nexit 0\n',
    mode: 0o644,
    error: NotFoundError,
    expected: ['not-executable-temporal', 'is not an executable file (EACCES)'],
  },
  {
    case: 'a program that exits at once',
    file: 'exits-temporal',
    content: '#!/bin/sh\necho "unknown flag: --db-filename" >&2\nexit 3\n',
    mode: 0o755,
    error: IllegalStateError,
    expected: ['exited (exit code 3) before its frontend answered', 'unknown flag: --db-filename'],
  },
  {
    case: 'a program that never answers',
    file: 'silent-temporal',
    content:
      '#!/bin/sh\ncase "$*" in *--help*) exit 0 ;; esac\necho "pretending"\nexec sleep 600\n',
    mode: 0o755,
    error: IllegalStateError,
    expected: ['did not answer describeNamespace("default") within 1500 ms', 'pretending'],
  },
];

describe('a chosen port', () => {
  it('that another process listens on is refused before a server is spawned', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as AddressInfo).port;

    const error = await startTemporalServer({
      dbFile: join(scratch, 'squatted.sqlite'),
      cliPath: inject('temporalCliPath'),
      port,
    })
      .catch((caught: unknown) => caught)
      .finally(() => squatter.close());

    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as Error).message).toContain(`Frontend port ${port} on 127.0.0.1 is not free`);
  });
});

describe('a wrong CLI path', () => {
  it.each(wrongBinaries)('is rejected with a message naming it: $case', async (wrong) => {
    const cliPath = join(scratch, wrong.file);
    if (wrong.content !== undefined) {
      await writeFile(cliPath, wrong.content);
      await chmod(cliPath, wrong.mode);
    }

    const error = await startTemporalServer({
      dbFile: join(scratch, `${wrong.file}.sqlite`),
      cliPath,
      readyTimeoutMs: 1_500,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(wrong.error);
    for (const fragment of wrong.expected) expect((error as Error).message).toContain(fragment);
  });

  it('in TEMPORAL_CLI is rejected instead of being installed over', async () => {
    const missing = join(scratch, 'missing-cli');

    const error = await ensureTemporalCli({ env: { TEMPORAL_CLI: missing } }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`TEMPORAL_CLI is "${missing}"`);
  });

  it('in TEMPORAL_CLI is used as it is when it is the real CLI', async () => {
    const cliPath = inject('temporalCliPath');

    expect(await ensureTemporalCli({ env: { TEMPORAL_CLI: cliPath } })).toBe(cliPath);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
