// The explorer's shell: navigation, the language toggle, and the hash router that renders one
// view per URL (route.ts), so every view can be linked, reloaded and reached by back/forward.
import './style.css';
import { fill, h } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { currentRoute, href, type Route } from './route.js';
import { entityView } from './views/entity.js';
import { networkView } from './views/network.js';
import { twinningsView } from './views/twinnings.js';
import { pathView } from './views/path.js';
import { searchView } from './views/search.js';
import { sourceView } from './views/source.js';
import { mapLabel, mapView } from './views/map.js';
import { programmeView } from './views/programme.js';

const VIEWS: Record<string, (main: HTMLElement, route: Route) => Promise<void>> = {
  search: searchView, entity: entityView, network: networkView, path: pathView, source: sourceView, twinnings: twinningsView,
  map: mapView, programme: programmeView,
};

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const langButton = document.getElementById('lang') as HTMLButtonElement;
let rendering = 0;

function renderNav(view: string): void {
  const link = (v: string, label: string, to: string) => h('a', { href: to, 'aria-current': v === view ? 'page' : undefined }, label);
  fill(nav, link('search', t('search'), href('search')), link('path', t('path'), href('path')),
    link('twinnings', t('twinnings'), href('twinnings')), link('map', mapLabel(), href('map')), link('programme', t('programmes'), href('programme')), h('a', { href: '/graphql' }, t('ide')));
  langButton.textContent = t('switchLang');
  langButton.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
}

async function render(): Promise<void> {
  const mine = ++rendering;
  const route = currentRoute();
  renderNav(route.view);
  const view = VIEWS[route.view] ?? searchView;
  main.setAttribute('aria-busy', 'true');
  main.dataset.view = route.view;
  // Each render writes into its own element: a slower, superseded one writes into a detached one.
  const root = h('div', { class: `view view-${route.view}` }, h('p', {}, t('loading')));
  fill(main, root);
  try {
    await view(root, route);
  } catch (err) {
    fill(root, h('h1', {}, t('error')), h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
  } finally {
    if (mine === rendering) {
      main.setAttribute('aria-busy', 'false');
      main.dataset.ready = String(mine);
    }
  }
}

langButton.addEventListener('click', () => { setLang(lang === 'zh' ? 'en' : 'zh'); void render(); });
window.addEventListener('hashchange', () => { void render().then(() => main.focus({ preventScroll: true })); });
setLang(lang);
void render();
