// Run as its own process by the sqlite test: appends one RoundStarted per round number given,
// each with the stream version it just read, retrying whenever another process got in first.
import { ConcurrencyError } from '../../../events/errors';
import { openSqliteEventStore } from '../../../events/store/sqlite-event-store';
import { campaignFacts } from '../../unit/events/event-fixtures';

async function main() {
  const [file, campaignId, first, count] = process.argv.slice(2);
  if (!file || !campaignId || !first || !count) {
    throw new Error('usage: concurrent-appender <file> <campaignId> <first round> <count>');
  }
  const store = openSqliteEventStore(file);
  const facts = campaignFacts(campaignId);
  const streamId = `campaign-${campaignId}`;
  let conflicts = 0;

  for (let round = Number(first); round < Number(first) + Number(count); round += 1) {
    for (;;) {
      const expectedVersion = await store.streamVersion(streamId);
      try {
        await store.append(streamId, [facts.roundStarted(round)], { expectedVersion });
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts += 1;
      }
    }
  }

  await store.close();
  console.log(JSON.stringify({ conflicts }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
