/**
 * What it costs to turn a long Ollama progress stream into job updates for the UI.
 *
 *   npx tsx bench/create-progress.ts [lines] [stream-ms]
 *
 * A tiny NDJSON server in a child process (so its work is not counted here) answers /api/pull
 * with 50,000 progress lines spread over 2.5 s, shaped like a real pull (manifest, four layers
 * with digest/total/completed, verify, write, success). Each round reads that stream twice,
 * interleaved so both see the same machine load: once alone (the NDJSON reader only), and once
 * as a pull job (steps, speed, coalesced `job.updated` events, each serialized as a transport
 * would). Prints the events delivered per second of stream time (target ≤ 10), whether the last
 * event is exactly the final state, and main-process CPU time as a ratio to reading alone.
 */
import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Job } from '../src/shared/jobs';
import { EventBus } from '../src/main/events';
import { JobManager } from '../src/main/jobs/job-manager';
import { pullJobRunner } from '../src/main/jobs/pull-job';
import { streamPull } from '../src/main/ollama/pull-stream';

const LINES = Number(process.argv[2] ?? 50_000);
const STREAM_MS = Number(process.argv[3] ?? 2_500);
const ROUNDS = 3;
const TARGET_PER_SECOND = 10;

/** The server, as plain JavaScript for `node -e`. */
const SERVER = `
const http = require('node:http');
const LINES = ${LINES}, STREAM_MS = ${STREAM_MS}, TICK_MS = 25, LAYERS = 4;
const hex = (i) => (String(i).repeat(64)).slice(0, 64);
function* lines() {
  yield { status: 'pulling manifest' };
  const perLayer = Math.floor((LINES - 4) / LAYERS);
  for (let l = 0; l < LAYERS; l++) {
    const digest = 'sha256:' + hex(l + 1), total = 1_000_000_000 + l;
    for (let i = 1; i <= perLayer; i++) yield { status: 'pulling ' + digest.slice(7, 19), digest, total, completed: Math.round(total * i / perLayer) };
  }
  yield { status: 'verifying sha256 digest' };
  yield { status: 'writing manifest' };
  yield { status: 'success' };
}
http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const all = [...lines()];
  const perTick = Math.ceil(all.length / (STREAM_MS / TICK_MS));
  let i = 0;
  const tick = () => {
    const batch = all.slice(i, i + perTick).map((o) => JSON.stringify(o) + '\\n').join('');
    i += perTick;
    if (i >= all.length) return res.end(batch);
    res.write(batch);
    setTimeout(tick, TICK_MS);
  };
  tick();
}).listen(0, '127.0.0.1', function () { console.log('PORT ' + this.address().port); });
`;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the NDJSON server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function readAlone(url: string): Promise<{ cpu: number; wall: number; lines: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let lines = 0;
  for await (const line of streamPull(url, 'bench/model:latest')) if (line.status) lines++;
  return { cpu: cpuMs(cpu), wall: performance.now() - start, lines };
}

interface JobRound {
  cpu: number;
  wall: number;
  events: number;
  finalExact: boolean;
  job: Job;
}

async function asJob(url: string): Promise<JobRound> {
  const bus = new EventBus();
  let events = 0;
  let last: Job | null = null;
  let bytes = 0;
  bus.subscribe((event, payload) => {
    if (event !== 'job.updated') return;
    events++;
    bytes += JSON.stringify(payload).length; // what IPC or SSE would do with it
    last = payload as Job;
  });
  const jobs = new JobManager({ bus });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { job } = jobs.start({ kind: 'pull', target: 'bench/model:latest', key: 'pull', run: pullJobRunner({ host: url }, 'bench/model:latest') });
  const done = await jobs.whenDone(job.id);
  const round = { cpu: cpuMs(cpu), wall: performance.now() - start, events, finalExact: isDeepStrictEqual(last, done) && isDeepStrictEqual(done, jobs.get(job.id)), job: done };
  if (bytes === 0) throw new Error('no events');
  return round;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    console.log(`${LINES} progress lines over ${STREAM_MS} ms, ${ROUNDS} rounds after a warm-up`);
    await readAlone(server.url);
    await asJob(server.url);
    const alone: Awaited<ReturnType<typeof readAlone>>[] = [];
    const job: JobRound[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      alone.push(await readAlone(server.url));
      job.push(await asJob(server.url));
    }
    const lastJob = job[job.length - 1]!.job;
    const layers = lastJob.steps.filter((s) => s.digest !== null);
    const streamSeconds = median(job.map((j) => j.wall)) / 1000;
    const events = median(job.map((j) => j.events));
    const perSecond = Math.max(...job.map((j) => j.events / (j.wall / 1000)));
    const cpuAlone = median(alone.map((a) => a.cpu));
    const cpuJob = median(job.map((j) => j.cpu));
    console.log('');
    console.log(`lines read alone          ${alone[0]!.lines} in ${(median(alone.map((a) => a.wall)) / 1000).toFixed(2)} s`);
    console.log(`job.updated events        ${events} over ${streamSeconds.toFixed(2)} s of stream (worst round ${perSecond.toFixed(1)}/s; target ≤ ${TARGET_PER_SECOND}/s: ${perSecond <= TARGET_PER_SECOND ? 'within' : 'OVER'})`);
    console.log(`final state               ${job.every((j) => j.finalExact) ? 'exact (last event = final job)' : 'NOT EXACT'}; ${lastJob.state}, ${lastJob.steps.length} steps, ${layers.length} layers complete: ${layers.every((s) => s.completed === s.total)}`);
    console.log(`CPU, reading alone        ${cpuAlone.toFixed(0)} ms`);
    console.log(`CPU, as a job             ${cpuJob.toFixed(0)} ms`);
    console.log(`CPU ratio job/alone       ${(cpuJob / cpuAlone).toFixed(2)}`);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
