/**
 * Reads a GraphQL POST body before yoga does, so that the two ways a body fails are told as
 * they are: too large (the server stops reading at BODY_SIZE_LIMIT) is a 413 saying so, not
 * yoga's "invalid JSON"; malformed JSON is a 400 that does not echo the body, which yoga's
 * parse error does in full. Anything else goes on to yoga unchanged, as a fresh Request.
 */
export async function checkedGraphqlRequest(request: Request): Promise<Request | Response> {
  if (request.method !== 'POST') return request;
  let body: string;
  try {
    body = await request.text();
  } catch {
    const limit = process.env.BODY_SIZE_LIMIT ?? '512K';
    return refusal(413, `request body too large: the server reads at most ${limit} bytes`);
  }
  const json = (request.headers.get('content-type') ?? '').includes('json');
  if (json) {
    try {
      JSON.parse(body);
    } catch {
      return refusal(400, `request body is not valid JSON (${body.length} characters)`);
    }
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: 'POST', headers, body });
}

function refusal(status: number, message: string): Response {
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}
