// Seeking: a 30-minute virtual run of the classroom scenario, played the way the app plays it
// (the store's run: checkpoints, a trace with detail), then seeks to random moments of it, as a
// student scrubbing the timeline would. Target: every seek within 100 ms.

import { loadBuiltinScenario } from "../src/scenario/index.ts";
import { advanceRun, createRun, seekRun, type Run } from "../src/store/index.ts";

export interface SeekBenchResult {
  name: string;
  virtualMs: number;
  playWallMs: number;
  checkpoints: number;
  /** Live heap after the run, checkpoints included (npm run bench runs with --expose-gc). */
  peakHeapMb: number;
  seeks: number;
  p50: number;
  p95: number;
  max: number;
  /** The same seeks in CPU time: steadier than wall time on a machine shared with other work. */
  cpu: { p50: number; p95: number; max: number };
}

/** mulberry32: a tiny seeded generator, so every run seeks to the same moments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function classroomRun(): Run {
  const loaded = loadBuiltinScenario("classroom");
  if (!loaded?.ok) throw new Error("the classroom scenario does not load");
  const created = createRun(loaded.spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
  return created.value;
}

export function runSeekBench(virtualMs = 30 * 60_000, seeks = 200, seed = 42): SeekBenchResult {
  const run = classroomRun();
  const playStart = performance.now();
  // One advance per virtual second, like the clock's frames at high speed.
  for (let t = 1000; t <= virtualMs; t += 1000) {
    const err = advanceRun(run, t);
    if (err) throw new Error(`${err.name}: ${err.message}`);
  }
  const playWallMs = performance.now() - playStart;
  (globalThis as { gc?: () => void }).gc?.();
  const peakHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  const random = seeded(seed);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < seeks; i++) {
    const target = Math.floor(random() * virtualMs);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const err = seekRun(run, target);
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    if (err) throw new Error(`${err.name}: ${err.message}`);
    if (run.state.time !== target) throw new Error(`seek to ${target} landed at ${run.state.time}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
  return {
    name: `seek: classroom scenario, ${virtualMs / 60_000} virtual minutes, ${seeks} random seeks (seed ${seed})`,
    virtualMs,
    playWallMs: Math.round(playWallMs),
    checkpoints: run.checkpoints.length,
    peakHeapMb,
    seeks,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    cpu: {
      p50: round(percentile(cpuSorted, 50)),
      p95: round(percentile(cpuSorted, 95)),
      max: round(cpuSorted[cpuSorted.length - 1] ?? 0),
    },
  };
}
