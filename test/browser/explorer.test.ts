// The explorer in a real browser: Debian's Chromium driven by playwright-core, against the real
// service and the seeded Neo4j. Every request that does not go to 127.0.0.1 is aborted and
// recorded, so the page is shown to work offline. Each test saves a screenshot under
// test-results/explorer/ (gitignored) for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, type PageSize } from '../../scripts/build-web.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

const OUT = path.resolve(import.meta.dirname, '../../test-results/explorer');
const EXAMPLES = path.resolve(import.meta.dirname, '../../docs/queries');
/** Where Debian's packages put the browser; AIDGRAPH_CHROMIUM names another. */
const CHROMIUM = [process.env.AIDGRAPH_CHROMIUM, '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium', '/usr/bin/chromium'];

function chromiumPath(): string {
  const found = CHROMIUM.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error('no Chromium found: `apt-get install chromium-headless-shell fonts-noto-cjk` (.ci/run does), or set AIDGRAPH_CHROMIUM');
  return found;
}

let api: TestApi;
let browser: Browser;
let context: BrowserContext;
let sizes: PageSize[];
const outside: string[] = [];
/** Every Content-Security-Policy violation any page of the run reported. */
const violations: string[] = [];

beforeAll(async () => {
  sizes = await buildWeb();
  fs.mkdirSync(OUT, { recursive: true });
  api = await startTestApi();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  context = await newContext({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  await ctx.addInitScript(() => { if (!localStorage.getItem('aidgraph.lang')) localStorage.setItem('aidgraph.lang', 'zh'); });
  // A script or style the page's policy blocks is reported (the event, and Chromium's own console line).
  await ctx.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  }));
  ctx.on('console', (m) => { if (m.type() === 'error' && /CSP violation|Content Security Policy/.test(m.text())) violations.push(m.text()); });
  // No CDN, no fonts or scripts from elsewhere: anything not for this machine fails, and is noted.
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort('internetdisconnected');
  });
  return ctx;
}

const ready = (page: Page) => page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');

/** Opens a view by URL and waits until it has rendered. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${api.url}${hash}`);
  await ready(page);
  const error = await page.$eval('main', (m) => m.querySelector('.error')?.textContent);
  if (error) throw new Error(`${hash} shows an error: ${error}`);
}

/** Does something that changes the view, and waits for the new one. */
async function after(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.$eval('main', (m) => (m as HTMLElement).dataset.ready);
  await action();
  await page.waitForFunction((b) => {
    const m = document.querySelector('main') as HTMLElement;
    return m.dataset.ready !== b && m.getAttribute('aria-busy') === 'false';
  }, before);
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });
const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const attrs = (page: Page, selector: string, attr: string) => page.$$eval(selector, (els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr);

describe('the explorer in Chromium', () => {
  it('is served at / for browsers, next to the API, within 300 KB of gzipped JavaScript', async () => {
    const explorer = sizes.find((s) => s.page === 'explorer')!;
    console.log(`[explorer] first-load JavaScript: ${(explorer.gzipBytes / 1024).toFixed(1)} KB gzipped (${(explorer.bytes / 1024).toFixed(0)} KB raw)`);
    expect(explorer.gzipBytes).toBeLessThan(300 * 1024);

    const html = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await html.text()).toContain('/assets/explorer.js');
    // The API is still at / and /graphql, by POST and by GET with a query, even asked as HTML.
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ entity(id: "county:amdo") { id } }')}`, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toMatchObject({ data: { entity: { id: 'county:amdo' } } });
    for (const url of [api.url, `${api.url}graphql`]) {
      const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html, application/json' }, body: JSON.stringify({ query: '{ entity(id: "county:amdo") { id } }' }) });
      expect(await post.json()).toMatchObject({ data: { entity: { id: 'county:amdo' } } });
    }
  });

  it('search 安多 → open Amdo (by keyboard) → its citations are visible', async () => {
    const page = await context.newPage();
    await open(page, '#/');
    await page.fill('input[name=q]', '安多');
    await after(page, () => page.press('input[name=q]', 'Enter'));
    expect(page.url()).toContain('#/search?q=');
    const hit = page.locator('li.hit[data-id="county:amdo"]');
    await expect(hit.count()).resolves.toBe(1);
    // Kind and parent chain tell it apart from anything else named 安多.
    expect(await hit.locator('.kind').textContent()).toBe('县级');
    expect(await hit.locator('.chain').textContent()).toMatch(/那曲市 › 西藏自治区/);
    await shot(page, '01-search');

    // Keyboard only: tab to the hit's link and press Enter.
    await page.focus('input[name=q]');
    let onAmdo = false;
    for (let i = 0; i < 60 && !onAmdo; i++) {
      await page.keyboard.press('Tab');
      onAmdo = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id === 'county:amdo');
    }
    expect(onAmdo).toBe(true);
    await after(page, () => page.keyboard.press('Enter'));
    expect(decodeURIComponent(page.url())).toContain('#/entity/county:amdo');

    const { data } = await api.gql('{ entity(id: "county:amdo") { nameZh sources { quote source { title publisher publishedAt } } } }');
    expect(await page.textContent('h1')).toContain(data.entity.nameZh);
    expect(await page.textContent('.breadcrumb')).toMatch(/西藏自治区.*那曲市.*安多县/);
    const quotes = await texts(page, '#citations .citation mark');
    expect(quotes).toEqual(data.entity.sources.map((s: any) => s.quote));
    expect(quotes.length).toBeGreaterThan(0);
    await expect(page.locator('#citations .citation').first().isVisible()).resolves.toBe(true);
    const meta = await page.textContent('#citations .citation .cite-meta');
    const first = data.entity.sources[0].source;
    for (const part of [first.title, first.publisher, first.publishedAt]) expect(meta).toContain(part);
    await shot(page, '02-entity-amdo');
    await page.close();
  });

  it('the network view of Nagqu shows the nodes and edges the API returns; an edge shows its citations', async () => {
    const page = await context.newPage();
    await open(page, `#/network/${encodeURIComponent('city:nagqu')}`);
    const { data } = await api.gql('{ neighborhood(id: "city:nagqu") { nodes { id } edges { id sources { quote } } truncated } }');
    const apiIds = data.neighborhood.nodes.map((n: any) => n.id).sort();
    expect(apiIds.length).toBeGreaterThan(5);
    expect((await attrs(page, '#node-list li', 'data-id')).sort()).toEqual(apiIds);
    // What is drawn, counted from the drawing itself.
    const drawn = await page.evaluate(() => {
      const cy = (window as any).aidgraphNetwork;
      return { nodes: cy.nodes().map((n: any) => n.id()).sort(), edges: cy.edges().length };
    });
    expect(drawn.nodes).toEqual(apiIds);
    expect(drawn.edges).toBe(data.neighborhood.edges.length);
    await shot(page, '03-network-nagqu');

    // An edge's evidence, from the text list (a keyboard path to the same panel a click opens).
    const cited = data.neighborhood.edges.find((e: any) => e.sources.length > 0);
    await page.click('details:has(#edge-list) > summary');
    await page.click(`#edge-list li[data-id="${cited.id}"] button`);
    expect(await texts(page, '#selection .citation mark')).toEqual(cited.sources.map((s: any) => s.quote));

    // A click on a drawn edge opens the same evidence.
    const pos = await page.evaluate((id) => {
      const cy = (window as any).aidgraphNetwork;
      const box = cy.container().getBoundingClientRect();
      const mid = cy.getElementById(id).renderedMidpoint();
      return { x: box.left + mid.x, y: box.top + mid.y };
    }, cited.id);
    await page.mouse.click(pos.x, pos.y);
    await page.waitForFunction(() => document.querySelectorAll('#selection .citation').length > 0);

    // When the limit cuts, the page says how many are not shown, as the API counts them.
    await open(page, `#/network/${encodeURIComponent('city:nagqu')}?limit=5`);
    const cut = await api.gql('{ neighborhood(id: "city:nagqu", limit: 5) { nodes { id } totalNodes truncated } }');
    expect(cut.data.neighborhood.truncated).toBe(true);
    const listed = cut.data.neighborhood.nodes.length;
    expect(await page.locator('#node-list li').count()).toBe(listed);
    // The centre is not counted in totalNodes.
    expect(await page.textContent('.more-not-shown')).toContain(String(cut.data.neighborhood.totalNodes - (listed - 1)));
    await page.close();
  });

  it('draws 500 nodes when asked (Liaoning, three hops)', async () => {
    const page = await context.newPage();
    const hash = `#/network/${encodeURIComponent('province:liaoning')}?depth=3&limit=500`;
    const started = Date.now();
    await open(page, hash);
    const ms = Date.now() - started;
    const { data } = await api.gql('{ neighborhood(id: "province:liaoning", depth: 3, limit: 500) { nodes { id } edges { id } } }');
    expect(data.neighborhood.nodes.length).toBeGreaterThanOrEqual(450);
    expect(await page.locator('#node-list li').count()).toBe(data.neighborhood.nodes.length);
    expect(await page.evaluate(() => (window as any).aidgraphNetwork.nodes().length)).toBe(data.neighborhood.nodes.length);
    // A pan and a zoom after drawing, timed in the page (software rendering here: a figure, not a budget).
    const interactMs = await page.evaluate(async () => {
      const cy = (window as any).aidgraphNetwork;
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) { cy.panBy({ x: 10, y: 5 }); cy.zoom(cy.zoom() * 1.05); await new Promise(requestAnimationFrame); }
      return performance.now() - t0;
    });
    console.log(`[explorer] ${data.neighborhood.nodes.length} nodes, ${data.neighborhood.edges.length} edges: open to drawn ${ms} ms; 10 pan+zoom frames ${interactMs.toFixed(0)} ms`);
    await shot(page, '08-network-500');
    await page.close();
  });

  it('exports the network as PNG and as JSON with its citations', async () => {
    const page = await context.newPage();
    await open(page, `#/network/${encodeURIComponent('county:amdo')}`);
    const shown = await attrs(page, '#node-list li', 'data-id');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
    const view = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(view.nodes.map((n: any) => n.id).sort()).toEqual([...shown].sort());
    expect(view.edges.length).toBeGreaterThan(0);
    expect(view.edges.some((e: any) => e.citations.length > 0 && e.citations[0].quote && e.citations[0].source.title)).toBe(true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 PNG')]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await page.close();
  });

  it('shows the path from the Pana graduate to Liaoning with a quote on every step', async () => {
    const page = await context.newPage();
    await open(page, '#/path');
    // Pick both ends by name: the suggestions come from search, chosen by keyboard and by mouse.
    await page.fill('input[name=from]', '洛桑');
    await page.waitForSelector('#from-options li[data-id="person:lobsang"]');
    const at = (await attrs(page, '#from-options li', 'data-id')).indexOf('person:lobsang');
    for (let i = 0; i <= at; i++) await page.press('input[name=from]', 'ArrowDown');
    await page.press('input[name=from]', 'Enter');
    await page.fill('input[name=to]', '辽宁省');
    await page.click('#to-options li[data-id="province:liaoning"]');
    await after(page, () => page.click('.path-form button[type=submit]'));
    expect(decodeURIComponent(page.url())).toMatch(/#\/path\?from=person:lobsang&to=province:liaoning$/);
    const { data } = await api.gql('{ connections(from: "person:lobsang", to: "province:liaoning", maxHops: 4, first: 5) { nodes { nameZh } relationships { id sources { quote } } } }');
    const paths = data.connections;
    expect(paths.length).toBeGreaterThan(0);
    expect(await page.locator('li.path').count()).toBe(paths.length);
    for (const [i, p] of paths.entries()) {
      const steps = page.locator(`li.path[data-index="${i}"] li.step`);
      expect(await steps.count()).toBe(p.relationships.length);
      for (const [j, r] of p.relationships.entries()) {
        const quotes = await steps.nth(j).locator('.citation mark').allTextContents();
        expect(quotes.length).toBeGreaterThan(0);
        expect(quotes).toEqual(r.sources.map((s: any) => s.quote));
      }
      // The chain reads from the graduate to Liaoning.
      const chain = await page.textContent(`li.path[data-index="${i}"] .chain`);
      expect(chain!.startsWith(p.nodes[0].nameZh)).toBe(true);
      expect(chain!.trim().endsWith(p.nodes.at(-1).nameZh) || chain!.includes(p.nodes.at(-1).nameZh)).toBe(true);
    }
    expect(await page.evaluate(() => document.querySelector('#path-network canvas') !== null)).toBe(true);
    await shot(page, '04-path-lobsang-liaoning');
    await page.close();
  });

  it('a shared URL reloads the same view, and back and forward work', async () => {
    const page = await context.newPage();
    const url = `#/network/${encodeURIComponent('city:nagqu')}?depth=2&limit=40&types=TWINNED_WITH,PART_OF&expand=${encodeURIComponent('county:amdo')}`;
    await open(page, url);
    const ids = await attrs(page, '#node-list li', 'data-id');
    expect(ids).toContain('county:amdo');
    const checkedTypes = await page.$$eval('input[name=type]:checked', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(checkedTypes.sort()).toEqual(['PART_OF', 'TWINNED_WITH']);

    // The same link in another tab, and a reload.
    const other = await context.newPage();
    await open(other, url);
    expect(await attrs(other, '#node-list li', 'data-id')).toEqual(ids);
    await other.reload();
    await ready(other);
    expect(await attrs(other, '#node-list li', 'data-id')).toEqual(ids);
    await other.close();

    // Away and back.
    await after(page, () => page.click('#node-list li[data-id="county:amdo"] a[data-id]'));
    expect(await page.textContent('h1')).toContain('安多县');
    await after(page, () => page.goBack());
    expect(await attrs(page, '#node-list li', 'data-id')).toEqual(ids);
    await after(page, () => page.goForward());
    expect(decodeURIComponent(page.url())).toContain('#/entity/county:amdo');
    await page.close();
  });

  it('the twinnings table (also at its former URL, #/partnerships) downloads as CSV holding exactly the rows shown, and opens the aid summary of a pair', async () => {
    const page = await context.newPage();
    await open(page, `#/partnerships?supporter=${encodeURIComponent('province:liaoning')}&sort=recipient&dir=desc`);
    const shown = await attrs(page, '#twinnings tbody tr', 'data-id');
    const { data } = await api.gql('{ twinnings(filter: { supporter: "province:liaoning", includeDescendants: true }, first: 100) { totalCount } }');
    expect(shown.length).toBe(data.twinnings.totalCount);
    expect(shown.length).toBeGreaterThan(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,supporter_id,supporter,recipient_id,recipient,level,since,modes');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown);
    const cells = await page.$$eval('#twinnings tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent ?? '')));
    for (const [i, line] of lines.slice(1).entries()) expect(line).toContain(cells[i]![3]!);
    await shot(page, '05-twinnings');

    const amdo = 'twinning:shenyang--amdo';
    expect(shown).toContain(amdo);
    await after(page, () => page.click(`#twinnings tr[data-id="${amdo}"] td:last-child a`));
    await page.waitForSelector('#aid-summary .aid-group');
    const summary = await api.gql('{ aidSummary(supporter: "city:shenyang", recipient: "county:amdo") { overall { supports totals { text } } groups { key } } }');
    expect(await page.locator('#aid-summary .aid-group').count()).toBe(1 + summary.data.aidSummary.groups.length);
    expect(await page.textContent('#aid-summary')).toContain(summary.data.aidSummary.overall.totals[0].text);
    await page.close();
  });

  it('shows a source claim by claim, page after page', async () => {
    const page = await context.newPage();
    const { data } = await api.gql('{ sources(first: 1) { id claims(first: 100) { totalCount edges { node { quote } } } } }');
    const source = data.sources[0];
    expect(source.claims.totalCount).toBeGreaterThan(30);
    await open(page, `#/source/${encodeURIComponent(source.id)}`);
    expect(await page.textContent('h2')).toContain(String(source.claims.totalCount));
    // The page asks for 30 claims at a time; "more" until there are no more.
    for (let shown = await page.locator('#claims li.claim').count(); shown < source.claims.totalCount;) {
      await page.click('#claims + p button');
      await page.waitForFunction((n) => document.querySelectorAll('#claims li.claim').length > n, shown);
      shown = await page.locator('#claims li.claim').count();
    }
    expect(await page.locator('#claims + p button').count()).toBe(0);
    expect(await page.locator('#claims li.claim').count()).toBe(source.claims.totalCount);
    expect((await texts(page, '#claims li.claim mark')).slice(0, 100)).toEqual(source.claims.edges.map((e: any) => e.node.quote));
    await page.close();
  });

  it('switches between Chinese and English, and reads at 390 px wide', async () => {
    const narrow = await newContext({ width: 390, height: 844 });
    const page = await narrow.newPage();
    await open(page, `#/entity/${encodeURIComponent('county:amdo')}`);
    expect(await page.textContent('#nav')).toContain('搜索');
    await after(page, () => page.click('#lang'));
    expect(await page.textContent('#nav')).toContain('Search');
    expect((await page.textContent('h1'))!.trim().startsWith('Amdo County')).toBe(true);
    // Both names stay visible whichever language is chosen.
    expect(await page.textContent('h1')).toContain('安多县');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '06-entity-390px-en');
    await narrow.close();
  });

  it('opens the bundled GraphiQL at /graphql with the example operations, and runs one', async () => {
    const page = await context.newPage();
    await page.goto(`${api.url}graphql`);
    await page.waitForSelector('.graphiql-container');
    const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql'));
    await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n, examples.length);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => /"data"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''));
    await shot(page, '07-graphiql');
    await page.close();
  });

  it('serves the explorer and GraphiQL with a strict Content-Security-Policy, which no view above broke', async () => {
    for (const page of ['', 'graphql']) {
      const res = await fetch(`${api.url}${page}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const policy = (res.headers.get('content-security-policy') ?? '').split(/;\s*/);
      // Scripts and styles from the service's own origin only: nothing inline, nothing evaluated.
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("default-src 'self'");
      expect(policy.join(';')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    // Every view the tests above opened (search, entity, network, path, table, source, GraphiQL
    // running a query) ran under that policy, and none of them was refused anything.
    expect(violations).toEqual([]);
  });

  it('made no request to anything but 127.0.0.1 (and such a request would have failed)', async () => {
    expect(outside).toEqual([]);
    // The page's own policy would stop a fetch before the route sees it; a navigation proves the route.
    const page = await context.newPage();
    await expect(page.goto('http://example.org/')).rejects.toThrow();
    expect(outside).toEqual(['http://example.org/']);
    await page.close();
  });
});
