// Choosing an entity by typing its name: suggestions from the search API, chosen by click or by
// keyboard (arrow keys and Enter). The chosen id is what views put in their URL.
import { request } from './api.js';
import { h } from './dom.js';
import { bothNames } from './names.js';
import { SearchDocument, type SearchQuery } from '../generated/graphql.js';

export interface Picker { element: HTMLElement; value(): string | undefined }

export function entityPicker(label: string, name: string, initial?: { id: string; label: string }): Picker {
  let chosen = initial?.id;
  const input = h('input', { type: 'search', name, value: initial?.label ?? '', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false', 'aria-autocomplete': 'list', 'aria-controls': `${name}-options` });
  const options = h('ul', { id: `${name}-options`, role: 'listbox', class: 'options' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => { options.replaceChildren(); input.setAttribute('aria-expanded', 'false'); };
  const choose = (hit: SearchQuery['search'][number]) => {
    chosen = hit.id;
    input.value = bothNames(hit);
    input.dataset.id = hit.id;
    close();
  };
  input.addEventListener('input', () => {
    chosen = undefined;
    delete input.dataset.id;
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = setTimeout(async () => {
      const mine = ++asked;
      const { search } = await request(SearchDocument, { text, first: 8 }).catch(() => ({ search: [] }));
      if (mine !== asked) return;
      options.replaceChildren(...search.map((hit, i) => h('li', { role: 'option', id: `${name}-opt-${i}`, 'data-id': hit.id, tabindex: '-1', onmousedown: (e: Event) => { e.preventDefault(); choose(hit); } }, bothNames(hit), ' ', h('small', {}, hit.id))));
      input.setAttribute('aria-expanded', String(search.length > 0));
    }, 200);
  });
  input.addEventListener('keydown', (e) => {
    const items = [...options.querySelectorAll<HTMLElement>('li')];
    if (!items.length) return;
    const at = items.findIndex((li) => li.classList.contains('active'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === next));
      input.setAttribute('aria-activedescendant', items[next]!.id);
    } else if (e.key === 'Enter' && at >= 0) {
      e.preventDefault();
      items[at]!.dispatchEvent(new MouseEvent('mousedown'));
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return {
    element: h('label', { class: 'picker' }, h('span', {}, label), input, options),
    // An id typed as is (`county:amdo`) counts as chosen.
    value: () => chosen ?? (/^[a-z-]+:\S+$/.test(input.value.trim()) ? input.value.trim() : undefined),
  };
}
