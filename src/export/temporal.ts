// Date-times in the JSONL round trip. JSON has no date-time, and the driver's DateTime would be
// written as a map of its fields, which Neo4j refuses as a property; so a stored date-time (the
// citation check's `checkedAt`) travels as {"$datetime": "<ISO 8601>"} and comes back a DateTime.
import neo4j, { isDateTime } from 'neo4j-driver';

const TAG = '$datetime';

/** Properties as JSON can hold them: each date-time tagged, everything else as it is. */
export function taggedProperties(props: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(props)) {
    if (isDateTime(v)) (out ??= { ...props })[k] = { [TAG]: v.toString() };
  }
  return out ?? props;
}

// What DateTime.toString() writes: 2026-11-29T15:51:59.202000000Z, +08:00, or a zone in brackets.
const ISO = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

function offsetSeconds(offset: string): number {
  if (offset === 'Z') return 0;
  const [h = 0, m = 0, s = 0] = offset.slice(1).split(':').map(Number);
  return (offset.startsWith('-') ? -1 : 1) * (h * 3600 + m * 60 + s);
}

/** The reverse of taggedProperties; a tagged value that is no date-time is refused with the key. */
export function untaggedProperties(props: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(props)) {
    if (!v || typeof v !== 'object' || Array.isArray(v) || !(TAG in v)) continue;
    const text = String(Object.values(v)[0]);
    const m = ISO.exec(text);
    if (!m) throw new Error(`property ${k}: ${JSON.stringify(text)} is not an ISO 8601 date-time`);
    const [, y, mo, d, h, mi, s, frac = '', offset, zone] = m;
    const nanos = Number(frac.padEnd(9, '0'));
    (out ??= { ...props })[k] = new neo4j.types.DateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), nanos,
      zone ? undefined : offsetSeconds(offset ?? 'Z'), zone ?? null);
  }
  return out ?? props;
}
