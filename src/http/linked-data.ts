// GET /id/{id}: the stable URI of every entity. Machines get JSON-LD (application/ld+json, or JSON);
// browsers (text/html first) are sent with 303 to the explorer's view of the entity.
import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { createRepositories } from '../api/context.js';
import type { Graph } from '../db/graph.js';
import { entityDocument, VOCAB_PATH, vocabularyDocument } from '../modules/linked-data/json-ld.js';
import { quotedSource } from '../modules/provenance/provenance.mappers.js';
import { isPlace } from '../modules/places/places.mappers.js';
import { locationOf, scriptNamesOf } from '../modules/places/location.js';
import { placeNameSource } from '../domain/english-names.js';
import { sendError } from './replies.js';

const MEDIA_TYPES = ['application/ld+json', 'application/json', 'text/html'];
const MAX_ID_LENGTH = 200;

/** The origin the client used (behind a trusted proxy: its forwarded host and protocol). */
export function baseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}

export function registerLinkedData(app: FastifyInstance, graph: Graph): void {
  // The vocabulary the documents' aidgraph: terms resolve to, served by the service itself.
  app.get(VOCAB_PATH, async (request, reply) => reply
    .type('application/ld+json; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    .send(JSON.stringify(vocabularyDocument(baseUrl(request)))));

  app.get<{ Params: { '*': string } }>('/id/*', async (request, reply) => {
    const id = request.params['*'];
    if (!id || id.length > MAX_ID_LENGTH) return sendError(reply, 400, 'BAD_REQUEST', `an id of 1 to ${MAX_ID_LENGTH} characters is expected after /id/`);
    void reply.header('vary', 'accept');
    const wanted = new Negotiator(request).mediaType(MEDIA_TYPES);
    if (!wanted) return sendError(reply, 406, 'NOT_ACCEPTABLE', `/id/ answers ${MEDIA_TYPES.join(', ')}`);
    if (wanted === 'text/html') return reply.redirect(`/#/entity/${encodeURIComponent(id)}`, 303);

    const repos = createRepositories(graph.forRequest(request.id));
    const [entity] = await repos.entities.byIds([id]);
    if (!entity) return sendError(reply, 404, 'NOT_FOUND', `no entity has the id ${JSON.stringify(id)}`);
    const [[ancestors], [citations], aid] = await Promise.all([
      repos.places.ancestorsOf([entity.id]), repos.provenance.citationsOf([entity.id]),
      repos.entities.edgesOfKinds([{ id: entity.id, kind: { types: ['TWINNED_WITH', 'SUPPORTS'], direction: 'BOTH' } }]),
    ]);
    const edges = aid.edges[0] ?? [];
    const edgeCitations = await repos.provenance.citationsOf(edges.map((r) => r.id));
    const location = isPlace(entity) ? locationOf(entity) : null;
    const all = [...citations!, ...edgeCitations.flat()];
    const sources = await repos.provenance.sourcesByIds([...new Set(all.map((c) => c.sourceId))]);
    const sourceOf = new Map(sources.flatMap((s) => (s ? [[s.id, s] as const] : [])));
    const quote = (list: typeof citations) => list!.map((c) => ({ ...c, source: quotedSource(c, sourceOf.get(c.sourceId)) }));
    const ends = new Map(aid.ends.map((e) => [e.id, e]));
    const located = location ? { ...location, citation: { ...location.citation, source: quotedSource(location.citation, placeNameSource(location.citation.sourceId)) } } : null;
    const doc = entityDocument(baseUrl(request), {
      entity, ancestors: ancestors!, citations: quote(citations), location: located, scriptNames: isPlace(entity) ? scriptNamesOf(entity) : [],
      edges: edges.map((edge, i) => ({ edge, other: ends.get(edge.fromId === entity.id ? edge.toId : edge.fromId), citations: quote(edgeCitations[i] ?? []) })),
    });
    return reply
      .type(`${wanted}; charset=utf-8`)
      .header('cache-control', 'public, max-age=60')
      .header('link', `<${baseUrl(request)}/id/${encodeURIComponent(entity.id)}>; rel="canonical"`)
      .send(JSON.stringify(doc));
  });
}
