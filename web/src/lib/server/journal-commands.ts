import { appendFile } from 'node:fs/promises';
import type { AnswerQueryInput, CampaignCommands } from './commands';

/** One line of a command journal. */
export interface JournalEntry {
  command: 'answerQuery';
  input: AnswerQueryInput;
  at: string;
}

/**
 * Records every command as a JSON line in a file instead of sending it anywhere: for running the
 * UI on a recorded event store without a workflow engine, and for the browser test, which reads
 * the journal to see what the page sent.
 */
export function createJournalCommands(file: string): CampaignCommands {
  return {
    answerQuery: async (input) => {
      const entry: JournalEntry = { command: 'answerQuery', input, at: new Date().toISOString() };
      await appendFile(file, `${JSON.stringify(entry)}\n`);
      return { accepted: true };
    },
  };
}
