// How entities are named on the page: the chosen language first, the other beside it.
import { h } from './dom.js';
import { lang, kindLabel } from './i18n.js';
import type { EntityKind } from '../generated/graphql.js';

export interface Named { id: string; name: string; nameZh?: string | null; kind?: EntityKind }

export function primaryName(e: Named): string {
  return lang === 'zh' ? e.nameZh ?? e.name : e.name;
}
export function secondaryName(e: Named): string | undefined {
  const other = lang === 'zh' ? e.name : e.nameZh ?? undefined;
  return other && other !== primaryName(e) ? other : undefined;
}
/** "安多县 Amdo County", for labels in the network drawing and in CSV. */
export function bothNames(e: Named): string {
  const second = secondaryName(e);
  return second ? `${primaryName(e)} ${second}` : primaryName(e);
}

export const entityHref = (id: string): string => `#/entity/${encodeURIComponent(id)}`;

/** A link to the entity's page, both names, and its kind when known. */
export function entityLink(e: Named, withKind = false): HTMLElement {
  const second = secondaryName(e);
  return h('span', { class: 'entity' },
    h('a', { href: entityHref(e.id), 'data-id': e.id }, primaryName(e)),
    second && h('span', { class: 'alt' }, ` ${second}`),
    withKind && e.kind && h('span', { class: `kind k-${e.kind}` }, kindLabel(e.kind)));
}
