// The graph's data stamp: a value on one node that every load rewrites in the transactions that
// change what the graph holds (the seed load, each batch of the official list, an import). What the
// API keeps between requests (the described entities inside a place, modules/places/inside-cache.ts)
// is kept with the stamp it was read under and used only while the graph still holds that stamp,
// read in the same statement that uses it. So a load is seen at once whoever ran it: this process,
// or a loader of its own with a database user that may write (docs/operations.md), which the
// process-local version of src/api/data-version.ts (ETags) never hears of.
import { randomUUID } from 'node:crypto';
import { statement } from './statement.js';

/** The node's label; one node, `{id: 'graph'}`, under a uniqueness constraint (db/schema.ts). */
export const DATA_STAMP_LABEL = 'DataStamp';

/** Sets a fresh stamp: run it inside the transaction whose writes it stands for. */
export const WRITE_DATA_STAMP = statement(`// data.stamp
  MERGE (stamp:${DATA_STAMP_LABEL} {id: 'graph'})
  SET stamp.value = $dataStamp`);

/** The parameters of WRITE_DATA_STAMP: a value no earlier load wrote. */
export const freshDataStamp = () => ({ dataStamp: randomUUID() });

/**
 * Cypher binding `stampNow` to the stamp the graph holds (null before any load stamped it): a
 * seek on the constraint's index, first in the statement that relies on it.
 */
export const READ_DATA_STAMP = `OPTIONAL MATCH (stamp:${DATA_STAMP_LABEL} {id: 'graph'})
  WITH stamp.value AS stampNow`;

/** The stamp alone, for whoever follows it between requests (api/data-version.ts). */
export const READ_DATA_STAMP_ALONE = statement(`// data.stamp.read
  ${READ_DATA_STAMP}
  RETURN stampNow`);
