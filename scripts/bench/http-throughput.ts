// Requests per second and latency of the local server on loopback: the server runs in its own
// process, autocannon loads it for a fixed, short time per target.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchServerEnv, httpTargets, type HttpTarget } from './http-targets.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Share of one core the server process used during the run (Linux only); a server well under 100% means the load generator, not the server, set the rate. */
  serverCpuPercent: number | undefined;
  /** Requests answered during the run, and the server's CPU time per request in ms (Linux only): steadier than the rate on a busy machine. */
  requests: number;
  serverCpuMsPerRequest: number | undefined;
}

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is absent. */
function cpuTimeMs(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux); the command name
    // (field 2) may contain spaces, so count from its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

export interface BenchServer {
  port: number;
  pid: number | undefined;
  /** The server's DATA_DIR (its embedded database is site.db in it), fresh for each server and removed by stop(). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Settings on top of the inherited environment and benchServerEnv; undefined removes an inherited one. */
  env?: Record<string, string | undefined>;
  /** Node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

/** Starts scripts/serve.ts in its own process on a free-ish port, with a fresh DATA_DIR and the rate limits lifted. */
export async function startBenchServer({ env = {}, nodeArgs = [] }: BenchServerOptions = {}): Promise<BenchServer> {
  const port = 4480 + Math.floor(Math.random() * 100);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const serverEnv: Record<string, string | undefined> = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...benchServerEnv, ...env };
  for (const [key, value] of Object.entries(serverEnv)) if (value === undefined) delete serverEnv[key];
  // Rate limits would turn the load into 429s: the benchmark measures the real path.
  const server = spawn(process.execPath, [...nodeArgs, join(root, 'scripts/serve.ts')], { env: serverEnv, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    // SIGTERM closes the server and exits cleanly (a --cpu-prof profile is written then).
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: server.pid, dataDir, stop };
}

export async function measureThroughput({ seconds = 5, connections = 50, targets = httpTargets } = {}): Promise<ThroughputRow[]> {
  const server = await startBenchServer();
  try {
    const rows: ThroughputRow[] = [];
    for (const target of targets) rows.push(await loadTarget(server, target, seconds, connections));
    return rows;
  } finally {
    await server.stop();
  }
}

/** Loads one target for `seconds` with autocannon and reads the server process's CPU time around it. */
export async function loadTarget(server: Pick<BenchServer, 'port' | 'pid'>, target: HttpTarget, seconds: number, connections: number): Promise<ThroughputRow> {
  const { port, pid: serverPid } = server;
  let n = 0;
  const cpuBefore = cpuTimeMs(serverPid);
  const startedAt = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    method: target.method,
    headers: target.headers,
    requests: target.bodyFor ? [{ setupRequest: (request) => ({ ...request, body: target.bodyFor!(n++) }) }] : undefined,
    connections,
    duration: seconds,
  });
  const cpuAfter = cpuTimeMs(serverPid);
  const elapsedMs = performance.now() - startedAt;
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    serverCpuPercent: cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) / elapsedMs) * 100,
    requests: result.requests.total,
    serverCpuMsPerRequest: cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0 ? undefined : (cpuAfter - cpuBefore) / result.requests.total,
  };
}
