// `npm run bench`: prints the figures; never asserts on time (timings live here, not in tests).

import { measureBundle } from "./bundle.ts";
import { measureFrames } from "./frames.ts";
import { runSeekBench } from "./seek.ts";
import {
  classroomClusterSpec,
  largeClusterSpec,
  rebalanceStormSpec,
  runEngineBench,
  type EngineBenchResult,
} from "./engine.ts";

const only = process.argv.slice(2);
const want = (name: string): boolean => only.length === 0 || only.includes(name);

function print(r: EngineBenchResult): void {
  console.log(
    `${r.name}: ${r.virtualMs / 1000} virtual s in ${(r.wallMs / 1000).toFixed(2)} wall s (x${r.speedup}), ` +
      `${r.events.toLocaleString("en")} events (${r.eventsPerSec.toLocaleString("en")}/s), ` +
      `${r.recordsAcknowledged.toLocaleString("en")} records acknowledged (${r.recordsPerWallSec.toLocaleString("en")}/wall s), ` +
      `${(r.events / Math.max(1, r.recordsAcknowledged)).toFixed(2)} events per record, ${((r.wallMs * 1000) / Math.max(1, r.events)).toFixed(2)} µs per event, heap ${r.midHeapMb} MB halfway and ${r.endHeapMb} MB at the end (peak ${r.peakHeapMb} MB)`,
  );
}

const results: EngineBenchResult[] = [];
if (want("engine")) {
  const r = runEngineBench(
    "engine: 6 brokers, 3x12 partitions, RF 3, acks=all, 1,000 rec/s, 1 hour",
    classroomClusterSpec(),
    3_600_000,
  );
  print(r);
  results.push(r);
}
if (want("large")) {
  const r = runEngineBench(
    "engine: 50 brokers, 1,000 partitions, RF 3, 5,000 rec/s, 10 minutes",
    largeClusterSpec(),
    600_000,
    10_000,
  );
  print(r);
  results.push(r);
}
if (want("groups")) {
  const r = runEngineBench(
    "engine: 200 consumers in 20 groups on 1,000 partitions, 50 joins and leaves, 60 s",
    rebalanceStormSpec(),
    60_000,
    10_000,
  );
  print(r);
  results.push(r);
}
if (want("seek")) {
  const r = runSeekBench();
  console.log(
    `${r.name}: played in ${(r.playWallMs / 1000).toFixed(2)} wall s, ${r.checkpoints} checkpoints, ` +
      `peak heap ${r.peakHeapMb} MB; seek p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms (target: 100 ms); ` +
      `CPU time p50 ${r.cpu.p50} ms, p95 ${r.cpu.p95} ms, max ${r.cpu.max} ms`,
  );
}
if (want("bundle")) {
  const b = measureBundle();
  console.log(
    b
      ? `bundle: first load ${b.initialFiles} JavaScript file(s), ${b.initialGzipKb} KB gzipped; ` +
          `all ${b.files} file(s), ${b.rawKb} KB, ${b.gzipKb} KB gzipped`
      : "bundle: no dist/ (run npm run build first)",
  );
}
if (want("frames")) {
  // Targets (issue 4): p95 at most 8 ms for classroom, 16.7 ms for large-cluster (compact view).
  const stats = await measureFrames(["classroom", "large-cluster"]);
  if (!stats) console.log("frames: no dist/ or no Chromium (run npm run build; see README)");
  for (const f of stats ?? [])
    console.log(
      `frames: ${f.scenario} at 1x, ${f.frames} frames: work per frame p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms`,
    );
}
