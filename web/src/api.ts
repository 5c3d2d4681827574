// The explorer talks to the public GraphQL API only, same origin, with the typed operations
// codegen generates from the SDL (web/operations → web/generated).
import type { TypedDocumentString } from '../generated/graphql.js';

export class ApiError extends Error {
  constructor(message: string, readonly code?: string) { super(message); }
}

export async function request<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: doc.toString(), variables }),
  });
  let body: { data?: R; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the service answered ${res.status}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0]!.extensions?.code);
  if (!body.data) throw new ApiError(`the service answered ${res.status} with no data`);
  return body.data;
}
