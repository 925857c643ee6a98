import { describe, expect, it } from 'vitest';

import { checkedGraphqlRequest } from '../../../web/src/lib/server/graphql/request-body';

const url = 'http://127.0.0.1/graphql';
const post = (body: BodyInit, type = 'application/json') =>
  new Request(url, { method: 'POST', headers: { 'content-type': type }, body });

async function refusalOf(checked: Request | Response) {
  expect(checked).toBeInstanceOf(Response);
  const response = checked as Response;
  const text = await response.text();
  return { status: response.status, text, ...(JSON.parse(text) as object) };
}

describe('a GraphQL request body, read before yoga', () => {
  it('refuses malformed JSON with a 400 that does not echo the body', async () => {
    const body = `{"query": "${'x'.repeat(5000)}`;
    const refused = await refusalOf(await checkedGraphqlRequest(post(body)));
    expect(refused).toMatchObject({
      status: 400,
      errors: [{ message: 'request body is not valid JSON (5011 characters)' }],
    });
    expect(refused.text.length).toBeLessThan(200);
  });

  it('answers a body the server stopped reading with a 413 that says so', async () => {
    const failing = new ReadableStream({
      start: (controller) => controller.error(new Error('Content-length exceeds limit')),
    });
    const init = { method: 'POST', body: failing, duplex: 'half' } as RequestInit;
    const request = new Request(url, init);
    const refused = await refusalOf(await checkedGraphqlRequest(request));
    expect(refused).toMatchObject({
      status: 413,
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(refused.text).toContain('request body too large: the server reads at most');
  });

  it('passes a well-formed body and a GET on unchanged', async () => {
    const body = JSON.stringify({ query: '{ campaigns { campaignId } }' });
    const checked = (await checkedGraphqlRequest(post(body))) as Request;
    expect(checked).toBeInstanceOf(Request);
    expect([checked.method, await checked.text()]).toEqual(['POST', body]);

    const get = new Request(`${url}?query=%7Bcampaigns%7BcampaignId%7D%7D`);
    expect(await checkedGraphqlRequest(get)).toBe(get);
  });
});
