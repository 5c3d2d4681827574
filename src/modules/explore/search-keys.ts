// How names are compared in search: case, width (全角/半角), spaces and punctuation do not matter,
// so "Amdo County", "amdo-county" and "ＡＭＤＯ county" are one key.
export function normalizeName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function searchKeys(names: Array<string | null | undefined>): string[] {
  const keys = names.filter((n): n is string => !!n).map(normalizeName).filter(Boolean);
  return [...new Set(keys)];
}
