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
