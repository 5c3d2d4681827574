// The twinnings table's CSV: its columns and RFC 4180 writing. No DOM here, so tests read the header
// from the same place the page writes it.
/** RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet software reads the Chinese names. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The CSV's columns: names in English and in Chinese apart, every code in words in both languages
 * (the one label dictionary), years as numbers, and the evidence (the first quote, whether it
 * states the pairing, its source and the source's address).
 */
export const CSV_HEADER = ['id', 'supporter_id', 'supporter_en', 'supporter_zh', 'recipient_id', 'recipient_en', 'recipient_zh',
  'level_en', 'level_zh', 'programme_en', 'programme_zh', 'since', 'since_qualifier_en', 'until', 'modes_en', 'modes_zh',
  'evidence', 'citation', 'source', 'source_url'] as const;

