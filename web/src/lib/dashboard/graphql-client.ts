/** A GraphQL error as the endpoint reports it: a stable code when the refusal was expected. */
export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sends one operation; SvelteKit's `fetch` in load functions, the browser's in the page. */
export type GraphqlRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createGraphqlRequest(fetcher: typeof fetch, endpoint = '/graphql'): GraphqlRequest {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<T>;

    const [first] = body.errors ?? [];
    if (first) throw new GraphqlRequestError(first.message, first.extensions?.code ?? null);
    if (!body.data) throw new GraphqlRequestError(`no data in a ${response.status} response`, null);
    return body.data;
  };
}
