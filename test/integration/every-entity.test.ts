// Every entity and edge of the seeded graph resolves through every typed field of its GraphQL type
// without an error: a wrong edge end (a school where a place belongs) shows up here. The gazetteer
// slice the suite keeps loaded (24,619 places of one shape) is read only where it meets the seeds:
// the places next to a seeded entity and their edges to it, not the whole list 100 at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { statement } from '../../src/db/statement.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api?.close(); });

const PLACE = 'parent { id } children { id } twinnedWith { id supporter { id } recipient { id } supports { id } projects { id } people { id } } twinnedBy { id } supportsGiven { id mode supporter { id } recipient { id } } supportsReceived { id } located { id }';
const INSTITUTION = 'locatedIn { id } supportsReceived { id mode } supportsGiven { id }';
const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) {
  id __typename
  ... on Entity { kind name nameZh aliases properties sources { quote source { id } } quantities { id text sources { quote } } indicators { metric points { year value } } relationships { id type from { id } to { id } } }
  ... on Province { ${PLACE} } ... on City { ${PLACE} } ... on District { ${PLACE} } ... on Township { ${PLACE} }
  ... on School { ${INSTITUTION} }
  ... on Hospital { ${INSTITUTION} parentHospital { id } departments { id } }
  ... on Organization { ${INSTITUTION} parent { id } posts { id role person { id } } members { id member { id } team { id } } }
  ... on Person { posts { id role roleZh organization { id } } teams { id team { id } } workplaces { id employer { id } } origins { id } }
  ... on Project { locatedIn { id } investment { text } floorArea { text } openedOn supportMode projectType participants { id participationRole: role participant { id } activity { id } } recipients { id } }
  ... on Event { locatedIn { id } participants { id participationRole: role } recipients { id } }
  ... on Relationship { type from { id } to { id } properties quantities { id } sources { quote } }
  ... on Twinning { level programme since sinceQualifier until }
  ... on Support { mode since until asOf description }
  ... on Post { role since untilYear organization { id } }
  ... on Membership { batch since untilYear team { id } }
  ... on Employment { employer { id } }
  ... on Participation { participationRole: role participant { id } activity { id } }
  ... on Quantity { metric value unit qualifier measure text }
} }`;

describe('every seeded object through its typed fields', () => {
  it('resolves all entities, edges and quantities without an error', async () => {
    const rows = await api.graph.read<{ id: string }>(
      statement(`// test.all-ids
       CALL {
         MATCH (e:Entity) WHERE e:Seeded OR EXISTS { (e)--(:Seeded) } RETURN e.id AS id
         UNION MATCH (a:Entity)-[r]->(b:Entity) WHERE a:Seeded OR b:Seeded RETURN r.id AS id
         UNION MATCH (q:Quantity) RETURN q.id AS id
       }
       RETURN id ORDER BY id`),
    );
    const ids = rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(300);
    const seen = new Set<string>();
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const res = await api.gql(QUERY, { ids: chunk });
      expect(res.errors).toBeUndefined();
      expect(res.data.nodes.map((n: any) => n?.id)).toEqual(chunk);
      for (const n of res.data.nodes) seen.add(n.__typename);
    }
    console.log(`[every-entity] ${ids.length} objects`);
    // Every kind of object the seeds hold was exercised.
    expect([...seen].sort()).toEqual(expect.arrayContaining([
      'City', 'District', 'Employment', 'Event', 'Hospital', 'Membership', 'Organization', 'Participation', 'Person',
      'Post', 'Project', 'Province', 'Quantity', 'Relationship', 'School', 'Support', 'Township', 'Twinning',
    ]));
    // Fifteen sources seed places across the country, and with them the neighbours read here.
  }, 300_000);
});
