// The embedded default: a real Neo4j Community started in-process by neo4j/Launcher.java, with only
// Bolt open, on 127.0.0.1, with authentication on. Jars come from Maven Central through
// neo4j/pom.xml (first run only).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { logger as rootLogger } from '../telemetry/logger.js';

const log = rootLogger.child({ component: 'local-neo4j' });

export const NEO4J_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../neo4j');
const TARGET = path.join(NEO4J_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const CLASSES_DIR = path.join(TARGET, 'classes');
// The launcher as a jar: class-data sharing (below) archives classes from jars only, not folders.
const LAUNCHER_JAR = path.join(TARGET, 'aidgraph-launcher.jar');
const CLASS_DATA_DIR = path.join(TARGET, 'class-data');

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
  /** Flags for the JVM beyond Neo4j's own (JVM_FLAGS). */
  jvmFlags?: string[];
  /**
   * Start from the class-data archive (made on first use; default true). Off for the run that
   * makes it, and for a caller that wants a JVM exactly as Neo4j ships it.
   */
  classData?: boolean;
  /** What the supervisor tells its owner; restarts happen whether or not anyone listens. */
  events?: SupervisorEvents;
  /** Waits before restart attempts 1, 2, 3 … (the last one repeats); default 1 s, 2 s, 4 s. */
  backoffMs?: number[];
  /** Failed restarts in a row after which the supervisor gives up (default 3). */
  maxFailures?: number;
}

export interface SupervisorEvents {
  /** The JVM exited without being asked to. */
  down?(info: { code: number | null; signal: string | null }): void;
  /** A new JVM answers on the same port and store. */
  restarted?(info: { pid: number; attempts: number; downMs: number }): void;
  /** maxFailures restarts in a row failed: nothing more will be tried. */
  gaveUp?(err: Error): void;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  /** What a Bolt client needs to get in: the user neo4j and this store's password. */
  credentials: { username: string; password: string };
  /** The current JVM's pid (it changes when the supervisor restarts Neo4j). */
  readonly pid: number;
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
  if (isStale(LAUNCHER_JAR, launcher, CLASSPATH_FILE)) {
    fs.rmSync(CLASSES_DIR, { recursive: true, force: true });
    fs.mkdirSync(CLASSES_DIR, { recursive: true });
    const r = spawnSync('javac', ['-d', CLASSES_DIR, '-cp', classpath, launcher], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('javac could not compile neo4j/Launcher.java (Java 17+ JDK needed)');
    const jar = spawnSync('jar', ['--create', '--file', LAUNCHER_JAR, '-C', CLASSES_DIR, '.'], { stdio: 'inherit' });
    if (jar.status !== 0) throw new Error('jar could not package the compiled launcher (a Java 17+ JDK has it)');
  }
  return [LAUNCHER_JAR, classpath].join(path.delimiter);
}

/** The java that spawn('java') runs, as a path, size and time: a new JDK makes a new archive. */
function javaIdentity(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      const real = fs.realpathSync(path.join(dir, 'java'));
      const st = fs.statSync(real);
      if (st.isFile()) return `${real} ${st.size} ${st.mtimeMs}`;
    } catch { /* not in this folder */ }
  }
  return 'java';
}

/** The archive for this classpath, these flags and this JVM (HotSpot refuses one made by another). */
export function classDataArchive(classpath: string): string {
  const key = crypto.createHash('sha256').update([classpath, ...JVM_FLAGS, javaIdentity()].join('\n')).digest('hex').slice(0, 16);
  return path.join(CLASS_DATA_DIR, `neo4j-${key}.jsa`);
}

/**
 * Removes the archives of earlier classpaths or JVMs (about 110 MB each) from `dir`, all but
 * `keep`: a new one is made when the jars or the JDK change, and nothing asks for an old one
 * again. A JVM still running on one keeps the pages it mapped. Returns the names removed.
 */
export function pruneClassData(keep: string, dir = CLASS_DATA_DIR): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!/^neo4j-[0-9a-f]{16}\.jsa$/.test(name) || path.join(dir, name) === keep) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

let classDataMade: Promise<string | undefined> | undefined;

/**
 * Class-data sharing: most of a cold start (11 s and 21 CPU-seconds here) goes to loading,
 * verifying and linking the same classes from 200 jars. A JVM that loaded them once writes them to
 * an archive as it exits; later JVMs map it instead (7 s and 13 CPU-seconds). That is every start
 * after the first: `npm start`, each restart the supervisor makes, each tool and test that starts
 * Neo4j. The archive is made once per classpath and JVM, by a start and clean stop on a throwaway
 * store (`npm run neo4j:resolve` does it; otherwise the first start). Without one, a JVM starts as
 * before: the archive only saves time, so failing to make it is a warning, not an error.
 */
export function ensureClassData(classpath: string): Promise<string | undefined> {
  classDataMade ??= (async () => {
    const archive = classDataArchive(classpath);
    if (fs.existsSync(archive)) return archive;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidgraph-class-data-'));
    // Each maker writes a file of its own and renames it: two at once leave one whole archive.
    const partial = `${archive}.${process.pid}.partial`;
    try {
      fs.mkdirSync(CLASS_DATA_DIR, { recursive: true });
      log.info('making the class-data archive that speeds up every later Neo4j start (first run only)');
      const started = Date.now();
      const neo4j = await startLocalNeo4j({
        dataDir, boltPort: await freePort(), heap: '256m', pageCache: '32m', classData: false,
        jvmFlags: [`-XX:ArchiveClassesAtExit=${partial}`],
      });
      await neo4j.stop(); // HotSpot writes the archive as the JVM exits
      if (!fs.existsSync(partial) || fs.statSync(partial).size === 0) throw new Error('the JVM wrote no archive');
      fs.renameSync(partial, archive);
      const removed = pruneClassData(archive);
      log.info({ archive, ms: Date.now() - started, mb: Math.round(fs.statSync(archive).size / 1e6), removed }, 'class-data archive made');
      return archive;
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not make the class-data archive; Neo4j starts without it');
      return undefined;
    } finally {
      fs.rmSync(partial, { force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  })();
  return classDataMade;
}

/** The user the embedded Neo4j knows; its password is this store's own (below). */
export const LOCAL_USERNAME = 'neo4j';

/** Where the embedded Neo4j's password lives: in the data folder, readable by its owner only. */
export const passwordFileOf = (dataDir: string) => path.join(dataDir, 'neo4j-password');

/** 32 random bytes: far beyond guessing, and printable (base64url) for a client's configuration. */
const newPassword = () => crypto.randomBytes(32).toString('base64url');

/** Permissions are part of the secret: a folder or file others can read is tightened, and the log says so. */
function ownerOnly(file: string, mode: 0o700 | 0o600): void {
  const actual = fs.statSync(file).mode & 0o777;
  if (actual === mode) return;
  fs.chmodSync(file, mode);
  log.warn({ file, was: actual.toString(8), now: mode.toString(8) }, 'tightened permissions to owner-only');
}

/** The data folder (owner-only) and the password in it, made on first start. */
export function localPassword(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  ownerOnly(dataDir, 0o700);
  const file = passwordFileOf(dataDir);
  if (!fs.existsSync(file)) {
    // 'wx': two processes starting at once cannot both write one (the loser reads the winner's).
    try {
      fs.writeFileSync(file, `${newPassword()}\n`, { mode: 0o600, flag: 'wx' });
      log.info({ file }, 'generated a password for the embedded Neo4j');
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err;
    }
  }
  ownerOnly(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  // Neo4j refuses passwords under 8 characters; say which file holds the bad one.
  if (password.length < 8) throw new Error(`${file} holds no usable password (8 characters at least); delete it to have a new one generated`);
  return password;
}

/** The pid of the Neo4j running on this data folder, if one is. */
export function runningLocalNeo4j(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'neo4j', 'launcher.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  return pid && processAlive(pid) ? pid : undefined;
}

/** Where the running Neo4j of a data folder writes its Bolt address, for tools that attach to it. */
const boltFileOf = (dataDir: string) => path.join(dataDir, 'neo4j', 'launcher.bolt');

/** The Bolt address of the Neo4j running on this data folder (a tool run beside `npm start` uses it), if one is. */
export function runningLocalBoltUri(dataDir: string): string | undefined {
  if (!runningLocalNeo4j(dataDir)) return undefined;
  try {
    return fs.readFileSync(boltFileOf(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined; // started by an older aidgraph, or not ready yet: the caller falls back to the configured port
  }
}

/** The store or its port is held by another process: a condition to report in a sentence, not a crash. */
export class StoreBusyError extends Error {}

/**
 * Replaces the password with a new random one. The launcher sets the user's password from the file
 * at every start, so the new one holds from the next start; a running Neo4j would keep accepting
 * the old one, hence the refusal while one runs.
 */
export function rotateLocalPassword(dataDir: string): string {
  const pid = runningLocalNeo4j(dataDir);
  if (pid) throw new Error(`the embedded Neo4j of ${dataDir} is running (process ${pid}): stop aidgraph first, then rotate`);
  localPassword(dataDir); // the folder exists and is owner-only
  const file = passwordFileOf(dataDir);
  const next = `${file}.next`;
  fs.rmSync(next, { force: true });
  fs.writeFileSync(next, `${newPassword()}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(next, file); // readers see the old file or the new one, never half of one
  return file;
}

/** A free TCP port on 127.0.0.1, for throwaway test servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no TCP port was bound'))));
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

/** The last lines a JVM printed, kept for the log when it dies. */
class Tail {
  private lines: string[] = [];
  constructor(private readonly max = 40) {}
  push(line: string) {
    if (!line.trim()) return;
    this.lines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  text(): string[] { return [...this.lines]; }
}

/** The last lines of Neo4j's own debug log (where it says why it stopped, when it could). */
function lastLogLines(home: string, n = 15): string[] {
  const file = path.join(home, 'logs', 'debug.log');
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      const len = Math.min(size, 16_384);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      return buf.toString('utf8').split('\n').filter((l) => l.trim()).slice(-n);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
}

interface Jvm { child: ChildProcess; uri: string; version: string; tail: Tail }

/** Spawns one JVM on the store and resolves when it prints its ready line. */
function spawnJvm(classpath: string, home: string, opts: LocalNeo4jOptions, onSpawn: (child: ChildProcess) => void): Promise<Jvm> {
  // The password goes by file, never on the command line, where every local user could read it.
  const args = [
    `-Xms${opts.heap}`, `-Xmx${opts.heap}`, `-Daidgraph.pagecache=${opts.pageCache}`,
    ...JVM_FLAGS, ...(opts.jvmFlags ?? []), '-cp', classpath, 'Launcher', String(opts.boltPort), home, passwordFileOf(opts.dataDir),
  ];
  // stdin stays a pipe we never write to: when this process dies, the pipe closes and the JVM stops
  // (the launcher watches it from its first moment, before Neo4j is up).
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  onSpawn(child);
  const tail = new Tail();
  readline.createInterface({ input: child.stderr! }).on('line', (line) => tail.push(line));
  // Generous: the wait ends the moment Bolt answers, so a long limit costs nothing when all is well,
  // and on a 2-core machine busy with other work a cold JVM has needed more than two minutes.
  const timeoutMs = opts.startTimeoutMs ?? 300_000;
  return new Promise<Jvm>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^AIDGRAPH_NEO4J_READY (\S+) (\S+)/.exec(line);
      if (m && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, uri: m[1]!, version: m[2]!, tail });
      } else {
        tail.push(line);
        if (line.trim()) log.debug({ line }, 'neo4j');
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${tail.text().join('\n').slice(-4000)}`));
    });
    child.once('error', (err) => { clearTimeout(timer); reject(new Error(`could not start java: ${err.message}`)); });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts Neo4j and supervises it: when the JVM exits without being asked to, the log says so
 * (exit code, its last output, the end of its debug log) and a new JVM is started on the same
 * store and port, with backoff. The driver reconnects by itself, so queries and /health recover
 * without a restart of this process. After maxFailures failed restarts in a row it gives up
 * (events.gaveUp) and leaves what to do (exit, so an orchestrator restarts us) to the owner.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const classpath = resolveClasspath();
  const password = localPassword(opts.dataDir);
  const home = path.join(opts.dataDir, 'neo4j');
  fs.mkdirSync(home, { recursive: true });

  // One JVM per store: a live owner of this folder's lock means another aidgraph is running.
  const pidFile = path.join(home, 'launcher.pid');
  if (fs.existsSync(pidFile)) {
    const old = Number(fs.readFileSync(pidFile, 'utf8'));
    if (old && processAlive(old)) {
      throw new StoreBusyError(`${home} is in use by Neo4j process ${old}; stop that aidgraph first (or set AIDGRAPH_DATA_DIR)`);
    }
    fs.rmSync(pidFile);
  }
  if (await portInUse(opts.boltPort)) {
    throw new StoreBusyError(`port ${opts.boltPort} on 127.0.0.1 is taken; set AIDGRAPH_NEO4J_BOLT_PORT to a free port`);
  }
  // After the checks above: a busy store is refused at once, not after the archive is made.
  if (opts.classData ?? true) {
    const archive = await ensureClassData(classpath);
    if (archive) opts = { ...opts, jvmFlags: [...(opts.jvmFlags ?? []), `-XX:SharedArchiveFile=${archive}`] };
  }

  let stopping: Promise<void> | undefined;
  let current: ChildProcess | undefined;
  const track = (child: ChildProcess) => {
    current = child;
    fs.writeFileSync(pidFile, String(child.pid));
  };

  const boltFile = boltFileOf(opts.dataDir);
  const forget = () => { fs.rmSync(pidFile, { force: true }); fs.rmSync(boltFile, { force: true }); };

  let jvm: Jvm;
  try {
    jvm = await spawnJvm(classpath, home, opts, track);
  } catch (err) {
    forget();
    // Another JVM (not one of ours: it left no pid file) holds the store's lock.
    if (err instanceof Error && /locked by another process|StoreLockException|FileLockException/.test(err.message)) {
      throw new StoreBusyError(`the store in ${home} is locked by another Neo4j process; stop it first (or set AIDGRAPH_DATA_DIR)`);
    }
    throw err;
  }
  fs.writeFileSync(boltFile, jvm.uri);
  log.info({ uri: jvm.uri, version: jvm.version, pid: jvm.child.pid, home, heap: opts.heap, pageCache: opts.pageCache }, 'local Neo4j is up');

  const backoff = opts.backoffMs ?? [1_000, 2_000, 4_000];
  const maxFailures = opts.maxFailures ?? 3;

  const supervise = (running: Jvm) => {
    running.child.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ code, signal, pid: running.child.pid, output: running.tail.text().slice(-15), debugLog: lastLogLines(home) },
        `local Neo4j exited unexpectedly (code ${code}, signal ${signal}); restarting it`);
      opts.events?.down?.({ code, signal });
      void restart(Date.now());
    });
  };

  const restart = async (downAt: number) => {
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= maxFailures; attempt++) {
      await sleep(backoff[Math.min(attempt - 1, backoff.length - 1)]!);
      if (stopping) return;
      try {
        if (await portInUse(opts.boltPort)) throw new Error(`port ${opts.boltPort} on 127.0.0.1 is taken by another process`);
        const next = await spawnJvm(classpath, home, opts, track);
        if (stopping) { next.child.kill('SIGTERM'); return; }
        jvm = next;
        supervise(next);
        const downMs = Date.now() - downAt;
        log.info({ pid: next.child.pid, attempts: attempt, downMs }, `local Neo4j restarted after ${downMs} ms`);
        opts.events?.restarted?.({ pid: next.child.pid!, attempts: attempt, downMs });
        return;
      } catch (err) {
        lastError = err instanceof Error ? err : new Error(String(err));
        log.error({ attempt, maxFailures, err: lastError.message }, `restart ${attempt} of ${maxFailures} of the local Neo4j failed`);
      }
    }
    forget();
    const gaveUp = new Error(`the local Neo4j could not be restarted (${maxFailures} failures in a row): ${lastError?.message}`);
    log.fatal({ err: gaveUp.message }, 'giving up on the local Neo4j');
    opts.events?.gaveUp?.(gaveUp);
  };

  supervise(jvm);

  return {
    uri: jvm.uri,
    version: jvm.version,
    credentials: { username: LOCAL_USERNAME, password },
    get pid() { return jvm.child.pid!; },
    stop() {
      stopping ??= (async () => {
        const child = current;
        if (child && child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM'); // runs the launcher's shutdown hook: a clean store, lock released
          if (!(await waitForExit(child, 60_000))) {
            log.warn('Neo4j did not stop within 60 s; killing it');
            child.kill('SIGKILL');
            await waitForExit(child, 10_000);
          }
        }
        forget();
        log.info('local Neo4j stopped');
      })();
      return stopping;
    },
  };
}
