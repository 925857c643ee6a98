import { open } from 'node:fs/promises';

/** Enough of a server log to show why it failed, without flooding an error message. */
const TAIL_BYTES = 4_096;

/** The last few kilobytes of a log file, or a note that it could not be read. */
export async function readLogTail(logFile: string): Promise<string> {
  try {
    const file = await open(logFile, 'r');
    try {
      const { size } = await file.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await file.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8').trim() || '(log is empty)';
    } finally {
      await file.close();
    }
  } catch (error) {
    return `(log ${logFile} unreadable: ${(error as Error).message})`;
  }
}
