// "Inside X" kept between requests. Most of what a page of twinnings or supports "inside Tibet"
// reads is finding what is inside Tibet (docs/performance.md), and that answer changes only when a
// load does. So the ids inside an anchor are kept with the data stamp they were read under
// (db/data-stamp.ts), and a statement uses them only when the graph still holds that stamp, which
// it reads itself, first; otherwise it finds them again with the one definition (inside.ts) and
// hands them back to be kept. Nothing here says what "inside" means: a kept list is that
// definition's answer, read earlier. A loader of a version before the stamp does not write it:
// load with a loader at least as new as the service.
import { READ_DATA_STAMP } from '../../db/data-stamp.js';
import { KeptByStamp, perDatabase } from '../../db/kept-by-stamp.js';
import { collectInside } from './inside.js';

/** Anchors kept at once: a list is a few hundred ids at national size, so a few megabytes at most. */
const MAX_ANCHORS = 512;

/** The ids inside each anchor asked lately, all read under one data stamp. */
export class InsideCache extends KeptByStamp<string[]> {
  constructor() {
    super(MAX_ANCHORS);
  }

  /** What a statement needs to use a kept list: its stamp and ids (none kept: a stamp nothing matches). */
  kept(anchorId: string): { insideStamp: string | null; insideIds: string[] } {
    const ids = this.get(anchorId);
    return ids ? { insideStamp: this.keptStamp, insideIds: ids } : { insideStamp: null, insideIds: [] };
  }

  /**
   * For a statement batched over many anchors (null: a row with none): the stamp of the kept lists
   * and, per anchor, its kept ids or null (read it now), in the order given.
   */
  keptEach(anchorIds: ReadonlyArray<string | null>): { insideStamp: string | null; keptIds: Array<string[] | null> } {
    const keptIds = anchorIds.map((id) => (id === null ? null : this.get(id) ?? null));
    return { insideStamp: keptIds.some((ids) => ids !== null) ? this.keptStamp : null, keptIds };
  }

  /** Keeps what a batched statement read: its rows' `key` (an index into `anchorIds`) and keptInsideEach's columns. */
  keepEach(anchorIds: ReadonlyArray<string | null>, rows: ReadonlyArray<{ key: number } & KeptColumns>): void {
    for (const row of rows) {
      const anchorId = anchorIds[row.key];
      if (anchorId != null && !row.usedKept) this.keep(anchorId, row.stampNow, row.readIds);
    }
  }
}

/** The inside lists of the graph's database. */
export const insideCacheOf = perDatabase(() => new InsideCache());

/**
 * Goes on from `stampNow` (the graph's stamp, READ_DATA_STAMP, read first by the statement) to
 * `sideIds`, the ids of everything inside the entity whose id is `idExpr` (a parameter): the kept
 * ones (`$insideStamp`, `$insideIds` from InsideCache.kept) while the graph's stamp is theirs, else
 * read now. Also binds what the caller keeps under `stampNow`: `kept` (the kept ids were used) and
 * `readIds` (the ids read now, or none).
 */
export const keptInside = (idExpr: string) => `WITH stampNow, coalesce(stampNow = $insideStamp, false) AS kept
  CALL {
    WITH kept
    WITH kept WHERE NOT kept
    ${collectInside(idExpr, 'side', 'kept')}
    UNWIND side AS inner
    RETURN collect(inner.id) AS readIds
  }
  WITH stampNow, kept, readIds, CASE WHEN kept THEN $insideIds ELSE readIds END AS sideIds`;

/** What a statement opened by keptInsideEach returns per row for InsideCache.keepEach. */
export interface KeptColumns { stampNow: string | null; usedKept: boolean; readIds: string[] }

/** The columns of KeptColumns, to carry through a statement's WITHs to its RETURN. */
export const KEPT_COLUMNS = 'stampNow, usedKept, readIds';

/** Opens a statement batched over anchors: binds `stampNow`, and `stampOk` (the kept lists are the graph's). */
export const KEPT_STAMP = `${READ_DATA_STAMP}
  WITH stampNow, coalesce(stampNow = $insideStamp, false) AS stampOk`;

/**
 * Per row of a batched statement (after KEPT_STAMP, with `carry` the row's variables): binds `side`
 * to the entities inside the one whose id is `idExpr`, from its kept ids (`keptExpr`, an entry of
 * `$keptIds` from InsideCache.keptEach) while `stampOk`, else read now; and KEPT_COLUMNS. Each side
 * is a seek per kept id on the unique index, so its cost follows the list, not the walk.
 */
export const keptInsideEach = (idExpr: string, keptExpr: string, carry: string) => `
  CALL {
    WITH ${carry}, stampOk
    WITH ${carry}, stampOk WHERE NOT (stampOk AND ${keptExpr} IS NOT NULL)
    ${collectInside(idExpr, 'side', carry)}
    UNWIND side AS inner
    RETURN collect(inner.id) AS readIds
  }
  WITH ${carry}, stampNow, readIds, stampOk AND ${keptExpr} IS NOT NULL AS usedKept
  CALL {
    WITH ${carry}, usedKept, readIds
    UNWIND CASE WHEN usedKept THEN ${keptExpr} ELSE readIds END AS sideId
    MATCH (inner:Entity {id: sideId})
    RETURN collect(inner) AS side
  }`;
