// Where facts come from, as one request reads them: citations, quantities, sources and a source's
// claims, each batched (one statement per level for a whole list), and what the read-ahead of a
// root entity already found handed in (primeCitations, primeSource). The rules over them (which
// quantities disagree, the quote of a place's location) are in provenance.mappers.ts.
import DataLoader from 'dataloader';
import { readDataVersion } from '../../api/version.js';
import type { Graph } from '../../db/graph.js';
import type { CitationRecord, QuantityRecord, SourceRecord } from './provenance.mappers.js';
import type { ClaimsPage, ClaimsRequest, ProvenanceRepository } from './provenance.repository.js';

/** The quantities stated about many subjects, one list per id (ProvenanceService, or a fake in unit tests). */
export interface QuantityReads {
  quantitiesOf(ids: readonly string[]): Promise<QuantityRecord[][]>;
}

/**
 * What the graph holds of its sources as a whole: the newest sources, and what the last citation
 * check counted. Plain reads with no rule and nothing to batch (a root field asks each once), so the
 * provenance module hands resolvers its repository as this, not a service method that would only
 * forward.
 */
export interface SourceCatalogue {
  sources(first: number): Promise<SourceRecord[]>;
  uncitedFacts(): Promise<number | null>;
}

export class ProvenanceService implements QuantityReads {
  private citations?: DataLoader<string, CitationRecord[]>;
  private quantities?: DataLoader<string, QuantityRecord[]>;
  private quantityById?: DataLoader<string, QuantityRecord | null>;
  private sourceById?: DataLoader<string, SourceRecord | null>;
  private counts?: DataLoader<string, number>;
  private claimPages?: DataLoader<ClaimsRequest, ClaimsPage, string>;

  constructor(private readonly repository: ProvenanceRepository, private readonly graph: Graph) {}

  private get citationLoader() { return (this.citations ??= new DataLoader((ids) => this.repository.citationsOf(ids))); }
  private get quantityLoader() { return (this.quantities ??= new DataLoader((ids) => this.repository.quantitiesOf(ids))); }
  private get sourceLoader() { return (this.sourceById ??= new DataLoader((ids) => this.repository.sourcesByIds(ids))); }

  /** The citations of an entity, an edge or a quantity. */
  citationsOf(subjectId: string) { return this.citationLoader.load(subjectId); }
  /** The quantities stated about a subject. */
  quantitiesAbout(subjectId: string) { return this.quantityLoader.load(subjectId); }
  async quantitiesOf(ids: readonly string[]) {
    return (await this.quantityLoader.loadMany(ids)).map((q) => (q instanceof Error ? [] : q));
  }
  quantity(id: string) { return (this.quantityById ??= new DataLoader((ids) => this.repository.quantitiesByIds(ids))).load(id); }
  source(id: string) { return this.sourceLoader.load(id); }
  citationCount(sourceId: string) { return (this.counts ??= new DataLoader((ids) => this.repository.citationCounts(ids))).load(sourceId); }
  claims(request: ClaimsRequest) {
    return (this.claimPages ??= new DataLoader((requests) => this.repository.claimsOf(requests), { cacheKeyFn: (r) => JSON.stringify(r) })).load(request);
  }
  /** The version of the data the graph holds (its sources and gazetteer edition). */
  dataVersion() { return readDataVersion(this.graph); }

  /** Citations a read ahead found, so the subject's `sources` field answers without a statement. */
  primeCitations(subjectId: string, citations: CitationRecord[]): void { this.citationLoader.prime(subjectId, citations); }
  primeSource(source: SourceRecord): void { this.sourceLoader.prime(source.id, source); }
}
