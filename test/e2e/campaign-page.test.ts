import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../events/store/event-store';
import { openEventStore } from '../../events/store/open';
import { buildWebApp, webBuildIsStale } from '../../web/app-build';
import { startWebServer, type WebServer } from '../../web/server-process';
import {
  campaignId,
  campaignInFirstRound,
  measuredRound,
  roundCompleted,
} from '../unit/web/campaign-history';
import { launchChromium } from './chromium';
import { freeLoopbackPort } from './free-port';

const streamId = `campaign-${campaignId}`;
// The page refreshes every 2 s and the server polls the store every 0.2 s.
const refreshed = { timeout: 10_000, interval: 200 };
const ids = (articles: Element[]) => articles.map((article) => article.getAttribute('data-query'));

describe('campaign page', () => {
  let folder: string;
  let store: EventStore;
  let server: WebServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let journal: string;

  beforeAll(async () => {
    if (webBuildIsStale()) await buildWebApp('ignore');

    folder = await mkdtemp(path.join(tmpdir(), 'web-e2e-'));
    journal = path.join(folder, 'commands.jsonl');
    const storePath = path.join(folder, 'events.sqlite');
    store = openEventStore(storePath);
    await store.append(streamId, campaignInFirstRound(), { expectedVersion: 'no_stream' });

    server = await startWebServer({
      port: await freeLoopbackPort(),
      env: { EVENT_STORE: storePath, COMMAND_JOURNAL: journal },
      output: 'keep',
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await store?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const appendToCampaign = async (...events: Parameters<EventStore['append']>[1]) => {
    await store.append(streamId, events, { expectedVersion: await store.streamVersion(streamId) });
  };

  it('shows the campaign, its round accuracy, an open query with its digit and the audit', async () => {
    await page.goto(`${server.url}/?expert=ada`);

    await expect
      .poll(() => page.locator('h2', { hasText: 'MNIST digits' }).count(), refreshed)
      .toBe(1);
    const round = page.locator('tr[data-round="1"]');
    expect(await round.locator('[data-cell="accuracy"]').textContent()).toBe('81.2 %');
    expect(await round.locator('[data-cell="pixel-accuracy"]').textContent()).toBe('54.3 %');

    const query = page.locator('article[data-query="q1"]');
    expect(await query.locator('.question').textContent()).toContain('image 17');
    await expect
      .poll(
        () => query.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth),
        refreshed,
      )
      .toBe(28);
    expect(await page.locator('li[data-type="CampaignStarted"]').count()).toBe(1);
  });

  it('sends the answer clicked to the workflow engine', async () => {
    await page.locator('article[data-query="q1"] button', { hasText: '5' }).click();

    await expect
      .poll(() => page.locator('.notice').textContent(), refreshed)
      .toBe('answer "5" to q1 sent');
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({
        command: 'answerQuery',
        input: { queryId: 'q1', expertId: 'ada', answer: '5' },
      }),
    ]);
  });

  it('follows the store without a reload: a recorded answer and a new round appear', async () => {
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

    await appendToCampaign({
      type: 'AnswerRecorded',
      eventId: 'q1/answer/ada',
      causation: { actor: 'ada' },
      data: { campaignId, queryId: 'q1', expertId: 'ada', answer: '5' },
    });
    await appendToCampaign(roundCompleted(1, 0.85), ...measuredRound(2, 0.9071));

    await expect.poll(() => page.locator('article[data-query="q1"]').count(), refreshed).toBe(0);
    const round = page.locator('tr[data-round="2"]');
    await expect
      .poll(() => round.locator('[data-cell="accuracy"]').textContent(), refreshed)
      .toBe('90.7 %');
    expect(await page.locator('tr[data-round="1"] [data-cell="accuracy"]').textContent()).toBe(
      '85.0 %',
    );
    expect(await page.locator('circle.embedding').count()).toBe(2);
    expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true);
  });

  it('shows the inbox of the expert chosen in the select and keeps the choice in the address', async () => {
    await page.locator('select[name="expert"]').selectOption('ben');

    await expect
      .poll(() => page.locator('#inbox-heading').textContent(), refreshed)
      .toBe('Open queries for ben');
    await expect
      .poll(() => page.locator('article[data-query]').evaluateAll(ids), refreshed)
      .toEqual(['q1']);
    expect(new URL(page.url()).searchParams.get('expert')).toBe('ben');
  });
});
