// The deployment contract: `npm start`, exactly as the README and docs/operations.md tell users to run it, is one process
// chain npm → node (no shell or tsx wrapper in between), and SIGTERM sent to the npm process alone
// (what a container runtime or systemd sends to the main process) stops the service, its driver and
// its Neo4j: nothing is left on the data folder or the ports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/local-neo4j.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-deploy-'));
const pids: number[] = [];

afterAll(() => {
  for (const pid of pids) try { process.kill(pid, 'SIGKILL'); } catch { /* gone, as it should be */ }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Processes whose command line names this data folder (the Neo4j JVM does), or whose parent is one of `parents`. */
function processesLeft(parents: number[]): string[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      return cmd.includes(dataDir) || parents.includes(ppid) || parents.includes(Number(pid)) ? [`${pid}: ${cmd.slice(0, 120)}`] : [];
    } catch { return []; }
  });
}

const childrenOf = (pid: number) => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((p) => {
  try { return parentOf(p) === pid; } catch { return false; }
});
const parentOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
const commandOf = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

const listening = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

const embedded = !process.env.NEO4J_URI;

describe('npm start as deployed', () => {
  it.runIf(embedded)('hands SIGTERM to the node process that owns HTTP, the driver and Neo4j; nothing is left', async () => {
    const port = await freePort();
    const boltPort = await freePort();
    const { NEO4J_URI: _own, npm_lifecycle_event: _e, npm_lifecycle_script: _s, ...inherited } = process.env;
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...inherited, CI: 'true', LOG_LEVEL: 'info', AIDGRAPH_DATA_DIR: dataDir, PORT: String(port),
        AIDGRAPH_NEO4J_BOLT_PORT: String(boltPort),
        // Signals are the subject here, not loading: serve an empty graph, with a small JVM.
        AIDGRAPH_SEED: 'false', AIDGRAPH_NEO4J_HEAP: '256m', AIDGRAPH_NEO4J_PAGECACHE: '64m',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pids.push(npm.pid!);
    const errors: string[] = [];
    npm.stderr!.on('data', (d) => errors.push(String(d)));
    const logs: Array<Record<string, any>> = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`service did not start:\n${errors.join('')}\n${logs.slice(-5).map((l) => l.msg).join('\n')}`)), 300_000);
      readline.createInterface({ input: npm.stdout! }).on('line', (line) => {
        try { logs.push(JSON.parse(line)); } catch { return; } // npm's own banner lines
        if (String(logs.at(-1)!.msg).startsWith('aidgraph is serving')) { clearTimeout(timer); resolve(); }
      });
      npm.once('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited with ${code}:\n${errors.join('')}`)); });
    });
    const service = childrenOf(npm.pid!)[0]!;
    const neo4j = logs.find((l) => l.msg === 'local Neo4j is up')!.pid as number;
    pids.push(service, neo4j);

    // npm's only child is the service itself: node, not sh or a tsx runner that would keep the signal.
    expect(childrenOf(npm.pid!)).toEqual([service]);
    expect(path.basename(commandOf(service)[0]!)).toBe('node');
    // Production runs the compiled JavaScript `npm run build` wrote, not TypeScript through a loader,
    // and the build leaves nothing running beside the service (tsx's loader kept two
    // `esbuild --service` processes alive for the service's whole life).
    expect(commandOf(service).slice(1)).toEqual(['dist/app/cli.js', 'serve']);
    expect(childrenOf(service).map(commandOf).filter((c) => c.some((arg) => arg.includes('esbuild')))).toEqual([]);
    expect(parentOf(neo4j)).toBe(service);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    process.kill(npm.pid!, 'SIGTERM'); // the npm process only, not its group
    expect(await exited).toBe(0);
    const messages = logs.map((l) => l.msg);
    expect(messages).toContain('stopping');
    expect(logs.find((l) => l.msg === 'stopping')).toMatchObject({ signal: 'SIGTERM' });
    expect(messages).toContain('stopped');
    expect(messages).toContain('local Neo4j stopped');
    expect(processesLeft([npm.pid!, service, neo4j])).toEqual([]);
    expect(await listening(port)).toBe(false);
    expect(await listening(boltPort)).toBe(false);
  }, 400_000); // a Neo4j start and stop, slow on a busy machine
});
