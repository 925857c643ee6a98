import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent, RecordedEventOf } from '../../events/catalog';
import { labelTreeOf, projectLabelTrees } from '../../events/projections/label-tree';
import type { EventStore } from '../../events/store/event-store';
import { demoCampaign } from '../../infra/demo-campaign';
import { queryIdFor, type CampaignInput } from '../../workflows/campaign-input';
import { launchChromium } from './chromium';
import { startRunningProduct, type RunningProduct } from './running-product';

// A campaign small enough that its one round trains, clusters and asks in about 20 s here.
const base = demoCampaign({ rounds: 1, count: 300 });
const campaign: CampaignInput = {
  ...base,
  campaignId: 'web-e2e',
  name: 'MNIST digits, browser test',
  experts: ['ada', 'ben'],
  // No labelled points and no pair questions: this campaign's inbox holds plain queries only.
  initialLabels: [],
  model: { ...base.model, epochs: 1, warmEpochs: 1 },
  queries: { perRound: 3, quorum: 2, deadlineSeconds: 24 * 3600, pairsPerRound: 0 },
};
// The demo's 2 % known labels on 300 digits: its round puts one pair to ada.
const pairsCampaign: CampaignInput = {
  ...campaign,
  campaignId: 'web-e2e-pairs',
  name: 'MNIST digits, pair questions',
  initialLabels: base.initialLabels,
  experts: ['ada'],
  queries: { perRound: 1, quorum: 1, deadlineSeconds: 24 * 3600, pairsPerRound: 1 },
};
const [q1, q2, q3] = [0, 1, 2].map((index) => queryIdFor(campaign.campaignId, 1, index)) as [
  string,
  string,
  string,
];

// The page refreshes every 2 s and the server polls the store every 0.2 s.
const refreshed = { timeout: 10_000, interval: 200 };
// The round trains and clusters before its queries reach anyone's inbox.
const roundAsked = { timeout: 240_000, interval: 500 };

const ids = (articles: Element[]) => articles.map((article) => article.getAttribute('data-query'));
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

async function eventsOf<T extends RecordedEvent['type']>(store: EventStore, type: T) {
  const events = await store.readAll();
  return events.filter((event): event is RecordedEventOf<T> => event.type === type);
}

/** Relabellings by an expert; the round's votes relabel their images too. */
async function expertRelabels(store: EventStore) {
  return (await eventsOf(store, 'PointsRelabelled')).filter((event) => event.data.by === 'expert');
}

/** How many points carry a label now, by the label tree projected from the whole store. */
async function pointsWithLabelNow(store: EventStore, labelId: string): Promise<number> {
  const tree = labelTreeOf(projectLabelTrees(await store.readAll()), campaign.campaignId);
  return Object.values(tree.pointLabels).filter((each) => each === labelId).length;
}

/**
 * The plotted point nearest the scatter's centre: a lasso around a point at the edge would
 * start outside the plot, and where a point lands depends on the round's training.
 */
async function centralPoint(on: Page): Promise<number> {
  return on.locator('circle.point').evaluateAll((circles) => {
    const plot = circles[0]!.closest('svg')!.getBoundingClientRect();
    const [cx, cy] = [plot.x + plot.width / 2, plot.y + plot.height / 2];
    const distances = circles.map((circle) => {
      const box = circle.getBoundingClientRect();
      return Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy);
    });
    return distances.indexOf(Math.min(...distances));
  });
}

/** Drags a square lasso, `half` pixels each way, around a plotted point; returns its id. */
async function lassoAround(on: Page, pointIndex: number, half = 9): Promise<number> {
  const point = on.locator('circle.point').nth(pointIndex);
  // The mouse reaches only what is on screen, and earlier steps may have scrolled the page.
  await on.locator('svg.scatter').scrollIntoViewIfNeeded();
  const box = (await point.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await on.mouse.move(x - half, y - half);
  await on.mouse.down();
  for (const [dx, dy] of [
    [half, -half],
    [half, half],
    [-half, half],
    [-half, -half],
  ] as const) {
    await on.mouse.move(x + dx, y + dy, { steps: 4 });
  }
  await on.mouse.up();
  return Number(await point.getAttribute('data-point'));
}

const selectedIds = (circles: Element[]) =>
  circles.map((circle) => Number(circle.getAttribute('data-point'))).sort((a, b) => a - b);

describe('campaign page on the running product', () => {
  let product: RunningProduct;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let staleTab: Page;

  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${product.web.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  const answerOnPage = async (on: Page, queryId: string, answer: string) => {
    const article = on.locator(`article[data-query="${queryId}"]`);
    await article.getByRole('button', { name: answer, exact: true }).click();
    await expect
      .poll(() => on.locator('.notice').textContent(), refreshed)
      .toBe(`answer "${answer}" to ${queryId} sent`);
  };

  beforeAll(async () => {
    product = await startRunningProduct();
    await product.client.startCampaign(campaign);
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the campaign, its round with the accuracy the store recorded, and the open queries', async () => {
    await page.goto(`${product.web.url}/?expert=ada`);
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

    await expect
      .poll(() => page.locator('article[data-query]').evaluateAll(ids), roundAsked)
      .toEqual([q1, q2, q3]);
    const [clusters] = await eventsOf(product.store, 'ClustersAssigned');
    const round = page.locator('tr[data-round="1"]');
    await expect
      .poll(() => round.locator('[data-cell="accuracy"]').textContent(), refreshed)
      .toBe(percent(clusters!.data.accuracy));
    expect(await round.locator('[data-cell="pixel-accuracy"]').textContent()).toBe(
      percent(clusters!.data.pixelAccuracy),
    );
    expect(await page.locator('h2', { hasText: campaign.name }).count()).toBe(1);

    const [issued] = await eventsOf(product.store, 'QueryIssued');
    const query = page.locator(`article[data-query="${q1}"]`);
    expect(await query.locator('.question').textContent()).toContain(
      `image ${issued!.data.imageId}`,
    );
    await expect
      .poll(
        () => query.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth),
        refreshed,
      )
      .toBe(28);
    expect(await page.locator('li[data-type="CampaignStarted"]').count()).toBe(1);
  }, 300_000);

  it('records the answer clicked through Temporal in the store, and takes it from the inbox', async () => {
    // A second tab of ada's, opened before she answers, whose refreshes never come back (a
    // stalled network): it keeps offering the query she answers in the first tab.
    staleTab = await browser.context.newPage();
    await staleTab.goto(`${product.web.url}/?expert=ada`);
    await new Promise<void>((stalled) => {
      void staleTab.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('answerQuery')) return route.continue();
        stalled();
      });
    });

    await answerOnPage(page, q1, '3');

    const answers = await eventsOf(product.store, 'AnswerRecorded');
    expect(answers.map(({ data, metadata }) => [data, metadata.causation?.actor])).toEqual([
      [{ campaignId: campaign.campaignId, queryId: q1, expertId: 'ada', answer: '3' }, 'ada'],
    ]);
    await expect
      .poll(() => page.locator('article[data-query]').evaluateAll(ids), refreshed)
      .toEqual([q2, q3]);
    expect(await staleTab.locator('article[data-query]').evaluateAll(ids)).toEqual([q1, q2, q3]);
  });

  it('shows on the page why a second answer by the same expert is refused', async () => {
    await staleTab
      .locator(`article[data-query="${q1}"]`)
      .getByRole('button', { name: '5' })
      .click();

    await expect
      .poll(() => staleTab.locator('.notice').textContent(), refreshed)
      .toBe(
        `refused (ILLEGAL_STATE): expert ada already answered query ${q1}; one vote per expert`,
      );
    expect((await eventsOf(product.store, 'AnswerRecorded')).length).toBe(1);
    await staleTab.unrouteAll({ behavior: 'ignoreErrors' });
    await staleTab.close();
  });

  it('refuses through GraphQL an answer by an expert who is not on the panel', async () => {
    const reply = await graphql(
      `
        mutation ($queryId: ID!, $expertId: ID!, $answer: String!) {
          answerQuery(queryId: $queryId, expertId: $expertId, answer: $answer) {
            accepted
          }
        }
      `,
      { queryId: q2, expertId: 'zoe', answer: '7' },
    );

    expect(reply.data).toBeNull();
    expect(reply.errors).toEqual([
      expect.objectContaining({
        message: `expert zoe is not on the panel of query ${q2} (panel: ada, ben)`,
        extensions: { code: 'ILLEGAL_STATE' },
      }),
    ]);
  });

  it('shows the inbox of the expert chosen in the select and keeps the choice in the address', async () => {
    await page.locator('select[name="expert"]').selectOption('ben');

    await expect
      .poll(() => page.locator('#inbox-heading').textContent(), refreshed)
      .toBe('Open queries for ben');
    await expect
      .poll(() => page.locator('article[data-query]').evaluateAll(ids), refreshed)
      .toEqual([q1, q2, q3]);
    expect(new URL(page.url()).searchParams.get('expert')).toBe('ben');
  });

  it('completes the round once every query has its quorum, and shows it without a reload', async () => {
    for (const queryId of [q1, q2, q3]) await answerOnPage(page, queryId, '3');
    await page.locator('select[name="expert"]').selectOption('ada');
    await expect
      .poll(() => page.locator('article[data-query]').evaluateAll(ids), refreshed)
      .toEqual([q2, q3]);
    for (const queryId of [q2, q3]) await answerOnPage(page, queryId, '8');

    const round = page.locator('tr[data-round="1"]');
    await expect
      .poll(() => round.locator('[data-cell="status"]').textContent(), refreshed)
      .toBe('completed');
    const [completed] = await eventsOf(product.store, 'RoundCompleted');
    expect(completed!.data).toMatchObject({ round: 1, answered: 3, expired: 0 });
    expect(await round.locator('[data-cell="accuracy"]').textContent()).toBe(
      percent(completed!.data.accuracy),
    );
    expect(await product.client.resultOf(campaign.campaignId)).toEqual([completed!.data.accuracy]);
    await expect
      .poll(() => page.locator('h2', { hasText: campaign.name }).textContent(), refreshed)
      .toContain('(completed,');
    expect(await page.locator('li[data-type="AnswerRecorded"]').count()).toBe(6);
    expect(await page.locator('circle.embedding').count()).toBe(1);
    expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true);
  });

  it('shows the label tree seeded at campaign start, a label per campaign label', async () => {
    const tree = page.locator('section.label-tree');
    await expect
      .poll(() => tree.locator('li[data-label]').count(), refreshed)
      .toBe(campaign.labels.length);

    const names = await tree.locator('li[data-label] strong').allTextContents();
    expect(names).toEqual(campaign.labels);
    expect(await tree.locator('li[data-label]').first().getAttribute('data-label')).toBe('label-1');
  });

  it('relabels the points lassoed in the scatter plot, and the tree counts change', async () => {
    await expect.poll(() => page.locator('circle.point').count(), refreshed).toBe(300);
    const before = await pointsWithLabelNow(product.store, 'label-2');
    const [lastSeed] = (await eventsOf(product.store, 'LabelCreated')).slice(-1);

    const lassoed = await lassoAround(page, await centralPoint(page));
    const chosen = await page.locator('circle.point.selected').evaluateAll(selectedIds);
    expect(chosen).toContain(lassoed);
    expect(await page.locator('.selection').textContent()).toContain(
      `${chosen.length} point${chosen.length === 1 ? '' : 's'} selected`,
    );
    await page.locator('select[name="to-label"]').selectOption('label-2');
    await page.getByRole('button', { name: /^Relabel \d+ points?$/ }).click();

    await expect.poll(async () => (await expertRelabels(product.store)).length, refreshed).toBe(1);
    const [relabelled] = await expertRelabels(product.store);
    expect(relabelled!.data).toEqual({
      campaignId: campaign.campaignId,
      pointIds: chosen,
      toLabelId: 'label-2',
      reason: 'lassoed in the scatter plot',
      by: 'expert',
      expertId: 'ada',
    });
    const after = await pointsWithLabelNow(product.store, 'label-2');
    expect(after).toBe(before + chosen.length);
    const row = page.locator('section.label-tree li[data-label="label-2"]');
    await expect.poll(() => row.getAttribute('data-points'), refreshed).toBe(String(after));

    // Back to the tree as it was after the last seeded label: read-only, the count before.
    await page.locator('select[name="tree-at"]').selectOption(String(lastSeed!.metadata.position));
    await expect.poll(() => row.getAttribute('data-points'), refreshed).toBe(String(before));
    expect(await page.locator('.history').textContent()).toContain(
      `after event #${lastSeed!.metadata.position}`,
    );
    await page.locator('select[name="tree-at"]').selectOption('');
    await expect.poll(() => row.getAttribute('data-points'), refreshed).toBe(String(after));
  });

  it('shows why a relabelling by an expert off the panel is refused, and records nothing', async () => {
    await page.goto(`${product.web.url}/?expert=zoe`);
    await expect.poll(() => page.locator('circle.point').count(), refreshed).toBe(300);

    await lassoAround(page, await centralPoint(page));
    await page.locator('select[name="to-label"]').selectOption('label-5');
    await page.getByRole('button', { name: /^Relabel \d+ points?$/ }).click();

    await expect
      .poll(() => page.locator('.relabel .outcome').textContent(), refreshed)
      .toBe(
        `refused (ILLEGAL_STATE): expert zoe is not on the panel of campaign ` +
          `${campaign.campaignId} (panel: ada, ben)`,
      );
    expect((await expertRelabels(product.store)).length).toBe(1);
  });

  it('shows a pair question: its decoded sample, both groups with examples, A / B / neither', async () => {
    await product.client.startCampaign(pairsCampaign);
    const isPair = (event: RecordedEventOf<'QueryIssued'>) =>
      event.data.campaignId === pairsCampaign.campaignId && event.data.question !== undefined;
    await expect
      .poll(
        async () => (await eventsOf(product.store, 'QueryIssued')).filter(isPair).length,
        roundAsked,
      )
      .toBe(3);
    const [issued] = (await eventsOf(product.store, 'QueryIssued')).filter(isPair);
    const { queryId, question, options } = issued!.data;
    const [a, b] = question!.groups;

    await page.goto(`${product.web.url}/?expert=ada`);
    const card = page.locator(`article.pair[data-query="${queryId}"]`);
    await expect
      .poll(
        () => card.locator('img.sample').evaluate((image: HTMLImageElement) => image.naturalWidth),
        roundAsked,
      )
      .toBe(28);
    expect(await card.getByRole('button').allTextContents()).toEqual([
      `A: ${a.option}`,
      `B: ${b.option}`,
      'neither',
    ]);
    expect(await card.locator('.hint').textContent()).toBe(
      'If it fits both, choose A; if it fits neither, choose neither.',
    );
    expect(await card.locator('[data-side="A"] img').count()).toBe(a.exemplarIds.length);
    expect(await card.locator('[data-side="B"] img').count()).toBe(b.exemplarIds.length);

    await card.getByRole('button', { name: 'neither', exact: true }).click();
    await expect
      .poll(async () => {
        const answers = await eventsOf(product.store, 'AnswerRecorded');
        return answers.find((answer) => answer.data.queryId === queryId)?.data.answer;
      }, refreshed)
      .toBe(options[2]);
  }, 300_000);
});
