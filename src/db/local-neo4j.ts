// The embedded default: a real Neo4j Community started in-process by neo4j/Launcher.java, with only
// Bolt open, on 127.0.0.1. Jars come from Maven Central through neo4j/pom.xml (first run only).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { logger as rootLogger } from '../logger.js';

const log = rootLogger.child({ component: 'local-neo4j' });

export const NEO4J_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../neo4j');
const TARGET = path.join(NEO4J_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const CLASSES_DIR = path.join(TARGET, 'classes');

// The flags Neo4j's own neo4j.conf passes to its JVM, minus the ones for features we turn off.
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  stop(): Promise<void>;
}

function isStale(target: string, ...inputs: string[]): boolean {
  if (!fs.existsSync(target)) return true;
  const t = fs.statSync(target).mtimeMs;
  return inputs.some((i) => fs.statSync(i).mtimeMs > t);
}

/** Resolves Neo4j's jars with Maven (only when the pom changed or a jar went missing). */
export function resolveClasspath(): string {
  const pom = path.join(NEO4J_DIR, 'pom.xml');
  let needed = isStale(CLASSPATH_FILE, pom);
  if (!needed) {
    const first = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter);
    needed = first.some((jar) => !fs.existsSync(jar));
  }
  if (needed) {
    fs.mkdirSync(TARGET, { recursive: true });
    log.info('resolving Neo4j jars from Maven Central (first run only; progress below)');
    // Maven's own download lines are the progress report: pass them through to stderr.
    const r = spawnSync(
      'mvn',
      ['-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      { stdio: ['ignore', process.stderr, process.stderr] },
    );
    if (r.error) throw new Error(`could not run mvn (is Maven installed and on PATH?): ${r.error.message}`);
    if (r.status !== 0) throw new Error(`mvn could not resolve Neo4j's jars (exit ${r.status}); see its output above`);
  }
  const classpath = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();

  const launcher = path.join(NEO4J_DIR, 'Launcher.java');
  const compiled = path.join(CLASSES_DIR, 'Launcher.class');
  if (isStale(compiled, launcher, CLASSPATH_FILE)) {
    fs.mkdirSync(CLASSES_DIR, { recursive: true });
    const r = spawnSync('javac', ['-d', CLASSES_DIR, '-cp', classpath, launcher], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('javac could not compile neo4j/Launcher.java (Java 17+ JDK needed)');
  }
  return [CLASSES_DIR, classpath].join(path.delimiter);
}

/** A free TCP port on 127.0.0.1, for throwaway test servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => { clearTimeout(timer); resolve(true); });
  });
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const classpath = resolveClasspath();
  const home = path.join(opts.dataDir, 'neo4j');
  fs.mkdirSync(home, { recursive: true });

  // One JVM per store: a live owner of this folder's lock means another aidgraph is running.
  const pidFile = path.join(home, 'launcher.pid');
  if (fs.existsSync(pidFile)) {
    const old = Number(fs.readFileSync(pidFile, 'utf8'));
    if (old && processAlive(old)) {
      throw new Error(`${home} is in use by Neo4j process ${old}; stop that aidgraph first (or set AIDGRAPH_DATA_DIR)`);
    }
    fs.rmSync(pidFile);
  }
  if (await portInUse(opts.boltPort)) {
    throw new Error(`port ${opts.boltPort} on 127.0.0.1 is taken; set AIDGRAPH_NEO4J_BOLT_PORT to a free port`);
  }

  const args = [
    `-Xms${opts.heap}`, `-Xmx${opts.heap}`, `-Daidgraph.pagecache=${opts.pageCache}`,
    ...JVM_FLAGS, '-cp', classpath, 'Launcher', String(opts.boltPort), home,
  ];
  // stdin stays a pipe we never write to: when this process dies, the pipe closes and the JVM stops
  // (the launcher watches it from its first moment, before Neo4j is up).
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  fs.writeFileSync(pidFile, String(child.pid));
  const stderrTail: string[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    stderrTail.push(d.toString());
    if (stderrTail.length > 50) stderrTail.shift();
  });

  const ready = await new Promise<{ uri: string; version: string }>((resolve, reject) => {
    const fail = (err: Error) => { fs.rmSync(pidFile, { force: true }); reject(err); };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Neo4j did not start within ${opts.startTimeoutMs ?? 120_000} ms`));
    }, opts.startTimeoutMs ?? 120_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^AIDGRAPH_NEO4J_READY (\S+) (\S+)/.exec(line);
      if (m) { clearTimeout(timer); resolve({ uri: m[1]!, version: m[2]! }); }
      else if (line.trim()) log.debug({ line }, 'neo4j');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${stderrTail.join('').slice(-4000)}`));
    });
    child.once('error', (err) => { clearTimeout(timer); fail(new Error(`could not start java: ${err.message}`)); });
  });
  log.info({ uri: ready.uri, version: ready.version, pid: child.pid, home }, 'local Neo4j is up');

  let stopping: Promise<void> | undefined;
  return {
    ...ready,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        child.kill('SIGTERM'); // runs the launcher's shutdown hook: a clean store, lock released
        if (!(await waitForExit(child, 60_000))) {
          log.warn('Neo4j did not stop within 60 s; killing it');
          child.kill('SIGKILL');
          await waitForExit(child, 10_000);
        }
        fs.rmSync(pidFile, { force: true });
        log.info('local Neo4j stopped');
      })();
      return stopping;
    },
  };
}
