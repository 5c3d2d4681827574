// URL state: every view is a hash route (/#/entity/<id>, /#/search?q=…, /#/path?from=…&to=…,
// /#/source/<id>, /#/twinnings?…, /#/network/<id>?…), so a link, a reload and back/forward
// all restore it. The page lives at /, where the service answers GraphQL too.
export interface Route { view: string; arg: string | undefined; params: URLSearchParams }

/** Former view names that still open their view: #/partnerships is the twinnings table's first URL. */
const FORMER_VIEWS: Record<string, string> = { partnerships: 'twinnings' };

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = hash.split('?', 2) as [string?, string?];
  const [view = '', ...rest] = pathPart.split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return { view: FORMER_VIEWS[view] ?? (view || 'search'), arg, params: new URLSearchParams(query) };
}

export function href(view: string, arg?: string, params?: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ''}${qs ? `?${qs}` : ''}`;
}

/** Moves to a view; a new history entry, so back returns to where the reader was. */
export function go(to: string): void {
  if (location.hash === to) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = to;
}

export const listParam = (p: URLSearchParams, key: string): string[] => (p.get(key) ?? '').split(',').filter(Boolean);
