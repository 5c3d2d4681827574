// What other services' tools speak, besides GraphQL: stable URIs with linked data and reconciliation.
import type { FastifyInstance } from 'fastify';
import type { Graph } from '../db/graph.js';
import { registerLinkedData } from './linked-data.js';
import { registerReconciliation } from './reconciliation.js';

export function registerServicesForOthers(app: FastifyInstance, graph: Graph): void {
  registerLinkedData(app, graph);
  registerReconciliation(app, graph);
}
