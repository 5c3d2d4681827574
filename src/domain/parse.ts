// Building blocks of the record parsers: how stored values read back. Seeds store years as numbers
// and dates as text, but an older load or a hand edit may have stored either as the other; these
// read both the way the API always has (text as text, numbers as numbers), absent as null.
import { z } from 'zod';

/** An optional value as null when absent. */
export const orNull = <T extends z.ZodType>(t: T) => t.nullish().transform((v): z.output<T> | null => v ?? null);

/** Text, or a number stored where text is expected (`from: 2019` on a post). */
export const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === null ? null : String(v)));

/** A whole number (a year, a batch), or its text. */
export const integer = z.union([z.number(), z.string()]).nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)));

/**
 * Guards for the hand-checked fast paths of the record parsers: a value that is absent or already
 * has its usual type passes as zod would pass it; anything else goes to zod.
 */
export const isText = (v: unknown): v is string | null | undefined => v === undefined || v === null || typeof v === 'string';
/** A number as stored (zod's `integer` passes a number through as it is). */
export const isNumber = (v: unknown): v is number | null | undefined => v === undefined || v === null || typeof v === 'number';
/** Absent, or one of an enum's values (an enum object of the generated types). */
export const absentOr = <T extends string>(values: Record<string, T>) => {
  const set: ReadonlySet<unknown> = new Set<unknown>(Object.values(values));
  return (v: unknown): v is T | null | undefined => v === undefined || v === null || set.has(v);
};

/** A stored value as text, or null when absent (the plain-function twin of `text`). */
export const textOf = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

/**
 * The year of a date stated as YYYY, YYYY-MM or YYYY-MM-DD (or a bare year stored as a number):
 * what every year field of the API answers. Null when absent or not led by a year.
 */
export const yearOf = (v: string | null): number | null => {
  const year = v === null ? null : /^(\d{4})(?:-|$)/.exec(v)?.[1];
  return year ? Number(year) : null;
};
