// The request context as the modules' declarations compose it: nothing is made, and nothing read,
// until a resolver asks; each service is made once a request and shared by every field that asks;
// what one tick asks of a service is one statement (its loaders batch), and a service hands what
// its read found to another (a page's ends to the entities service) without a statement more.
import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createContext } from '../../src/api/context.js';
import { Graph } from '../../src/db/graph.js';
import type { Statement } from '../../src/db/statement.js';
import { EntityService } from '../../src/modules/entities/entities.service.js';

/** A graph that answers every read from a table of rows by statement name, and notes what ran. */
class TableGraph extends Graph {
  readonly ran: Array<{ name: string; params: Record<string, unknown> }> = [];
  constructor(private readonly rows: Record<string, Array<Record<string, unknown>>> = {}) {
    // No driver is reached: every read is answered from the table.
    super({} as Driver, { timeoutMs: 1_000 });
  }
  override forRequest(): Graph { return this; }
  override async read<T extends Record<string, unknown>>({ name }: Statement, params: Record<string, unknown> = {}): Promise<T[]> {
    this.ran.push({ name, params });
    return (this.rows[name] ?? []) as T[];
  }
}

const row = (id: string, kind: string) => ({ e: [id, kind, id.split(':')[1], null, [], null, null] });

describe('the request context', () => {
  it('reads nothing until asked, and makes each service once', () => {
    const graph = new TableGraph();
    const ctx = createContext(graph);
    expect(graph.ran).toEqual([]);
    expect(ctx.services.entities).toBeInstanceOf(EntityService);
    expect(ctx.services.entities).toBe(ctx.services.entities);
    expect(ctx.services.places).toBe(ctx.services.places);
    // Another request has its own.
    expect(createContext(graph).services.entities).not.toBe(ctx.services.entities);
    expect(graph.ran).toEqual([]);
  });

  it('batches what one tick asks into one statement, and answers the same id from its cache', async () => {
    const graph = new TableGraph({ 'entities.by-id': [row('city:nagqu', 'CITY'), row('county:sog', 'DISTRICT')] });
    const { services } = createContext(graph);
    const [a, b, none] = await Promise.all([
      services.entities.entity('city:nagqu'), services.entities.entity('county:sog'), services.entities.entity('county:nowhere'),
    ]);
    expect([a?.id, b?.id, none]).toEqual(['city:nagqu', 'county:sog', null]);
    expect(graph.ran).toEqual([{ name: 'entities.by-id', params: { ids: ['city:nagqu', 'county:sog', 'county:nowhere'], codes: [] } }]);
    await services.entities.entity('county:sog');
    expect(graph.ran).toHaveLength(1);
  });

  it('hands the ends a programme read found to the entities service', async () => {
    const graph = new TableGraph({ 'programmes.list': [{ p: ['programme:aid-tibet', 'PROGRAMME', 'aid-tibet', '对口援藏', [], null, null] }] });
    const { services } = createContext(graph);
    expect((await services.programmes.programmes()).map((p) => p.id)).toEqual(['programme:aid-tibet']);
    expect((await services.entities.entity('programme:aid-tibet'))?.kind).toBe('PROGRAMME');
    expect(graph.ran.map((r) => r.name)).toEqual(['programmes.list']);
  });
});
