import fs from 'node:fs';
import { freePort, startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { createDriver, Graph } from '../../src/db/graph.js';
import { applySchema } from '../../src/db/schema.js';
import { gazetteerEdition } from '../../src/gazetteer/division-list.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';
const dataDir = '/tmp/exp/data'; fs.rmSync(dataDir, { recursive: true, force: true }); fs.mkdirSync(dataDir, { recursive: true });
const local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: process.env.HEAP ?? '1g', pageCache: process.env.PC ?? '512m' });
const driver = createDriver({ uri: local.uri, username: 'neo4j', password: '' });
const graph = new Graph(driver, { timeoutMs: 600000 });
await applySchema(graph);
if (process.env.NOFT) await graph.write('x', 'DROP INDEX entity_names IF EXISTS'); if (process.env.NOTEXT) await graph.write('x', 'DROP INDEX entity_search IF EXISTS');
if (process.env.NOKIND) { await graph.write('x', 'DROP INDEX entity_kind IF EXISTS'); }
const t = Date.now();
const r = await loadGazetteer(graph, gazetteerEdition(), { depth: (process.env.DEPTH ?? 'village') as any, provinces: process.env.PROV ? process.env.PROV.split(',') : null });
console.log(r, (Date.now() - t) / 1000);
if (process.env.LATE) { const t2 = Date.now(); await graph.write('x', 'CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON (e.searchText)'); await graph.write('x', 'CALL db.awaitIndexes(600)'); console.log('late index seconds', (Date.now()-t2)/1000); }
const r2 = await loadGazetteer(graph, gazetteerEdition(), { depth: (process.env.DEPTH ?? 'village') as any, provinces: process.env.PROV ? process.env.PROV.split(',') : null });
console.log('second', r2);
console.log(process.env.KEEP ? local.uri : '');
if (!process.env.KEEP) { await driver.close(); await local.stop(); } else { console.log('keeping', local.uri); await new Promise(()=>{}); }
