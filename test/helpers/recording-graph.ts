// A Graph that notes every statement it reads with (its name, text and parameters), the views it
// hands each request too: tests EXPLAIN what the API ran, or run it again to look at its rows.
import { Graph } from '../../src/db/graph.js';
import type { Statement } from '../../src/db/statement.js';

export interface Ran extends Statement { params: Record<string, unknown> }

export class RecordingGraph extends Graph {
  constructor(graph: Graph, readonly ran: Ran[] = []) {
    super(graph.driver, graph.options);
  }
  override forRequest(): Graph { return new RecordingGraph(this, this.ran); }
  override async read<T extends Record<string, unknown>>(stmt: Statement, params: Record<string, unknown> = {}): Promise<T[]> {
    this.ran.push({ ...stmt, params });
    return super.read<T>(stmt, params);
  }
  override stream<T extends Record<string, unknown>>(stmt: Statement, params: Record<string, unknown>, opts: { timeoutMs: number }): AsyncGenerator<T> {
    this.ran.push({ ...stmt, params });
    return super.stream<T>(stmt, params, opts);
  }
}
