// An aid summary, put together: both ends looked up (an unknown id answers null), the scope read
// once, the quantities of everything in it, the rules of aid-summary.ts, then entity groups named.
import type { AidSummaryGroupBy } from '../../generated/graphql.js';
import type { EntityReads } from '../entities/entities.service.js';
import type { QuantityReads } from '../provenance/provenance.service.js';
import { asOfScope, summarize, type AidSummaryRecord } from './aid-summary.js';
import type { AidScopeRow } from './twinnings.repository.js';

/** The one statement an aid summary needs beyond the per-request reads. */
export interface AidScopes {
  scope(supporter: string | null, recipient: string | null): Promise<AidScopeRow>;
}

export class AidSummaryService {
  constructor(private readonly reads: EntityReads, private readonly quantities: QuantityReads, private readonly scopes: AidScopes) {}

  async summary(supporter: string | null, recipient: string | null, groupBy: AidSummaryGroupBy, asOf: number | null = null): Promise<AidSummaryRecord | null> {
    const [sup, rec] = await Promise.all([
      supporter ? this.reads.entity(supporter) : null,
      recipient ? this.reads.entity(recipient) : null,
    ]);
    if ((supporter && !sup) || (recipient && !rec)) return null;
    const whole = await this.scopes.scope(supporter, recipient);
    const subjectIds = [...whole.supports.map((s) => s.id), ...whole.projects.map((p) => p.id)];
    const { scope, quantities } = asOfScope(whole, (await this.quantities.quantitiesOf(subjectIds)).flat(), asOf);
    const summary = summarize(scope, quantities, groupBy);
    const named = await this.reads.entities(summary.groups.flatMap((g) => (g.entityId ? [g.entityId] : [])));
    const names = new Map(named.map((e) => [e.id, e.name]));
    for (const g of summary.groups) g.label = names.get(g.key) ?? g.label;
    return { supporter: sup, recipient: rec, ...summary };
  }
}
