// Frame times in headless Chromium: the built app plays a scenario at 1x for a few seconds of
// wall time, and the clock reports each frame's work (engine advance plus React render). Headless
// Chromium caps frames at 60 Hz, so this measures work per frame, not frames per second.
//
//   DIST_DIR=/tmp/d npx tsx bench/frames.ts large-cluster    one scenario, from a build of one's own

import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";
import chromiumConfig from "../test/e2e/chromium.json";

export interface FrameStats {
  scenario: string;
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** The time between animation frames, style, layout and paint included: p95, in ms. */
  intervalP95: number;
  /** The share of frames that came later than 1.5 frames of 60 Hz after the one before. */
  late: number;
  /** Elements in the page at the end. */
  elements: number;
  /** The main thread's time per second of wall time, in ms: script, layout, style, all tasks. */
  perSecond: { script: number; layout: number; style: number; tasks: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The page collects the clock's work per frame, and the time between animation frames: the work
 * per frame leaves out the browser's own style, layout and paint, which the interval shows (and
 * any frame dropped).
 */
const INIT_SCRIPT = `
  window.__brokerlabFrameTimes = [];
  window.__intervals = [];
  let last = 0;
  const frame = (now) => {
    if (last > 0) window.__intervals.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

export async function measureFrames(
  scenarios: readonly string[],
  wallMs = 8000,
): Promise<FrameStats[] | null> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? chromiumConfig.executablePath;
  const distDir = process.env["DIST_DIR"] ?? "dist";
  if (!existsSync(`${distDir}/index.html`) || !existsSync(executablePath)) return null;
  const server = await preview({
    preview: { port: 0, host: "127.0.0.1" },
    build: { outDir: distDir },
    logLevel: "silent",
  });
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath, args: chromiumConfig.args });
  const out: FrameStats[] = [];
  try {
    for (const scenario of scenarios) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // A script of its own (not a function: the TypeScript runner would rename helpers in it).
      await page.addInitScript({ content: INIT_SCRIPT });
      await page.goto(`http://127.0.0.1:${port}/?scenario=${scenario}`);
      await page.getByRole("button", { name: "Play" }).click();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Performance.enable");
      const metrics = async (): Promise<Record<string, number>> =>
        Object.fromEntries(
          (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]),
        );
      await page.evaluate(() => {
        (window as unknown as { __intervals: number[] }).__intervals.length = 0;
      });
      const before = await metrics();
      await page.waitForTimeout(wallMs);
      const after = await metrics();
      const [times, gaps, elements] = await page.evaluate(() => {
        const w = window as unknown as { __brokerlabFrameTimes: number[]; __intervals: number[] };
        return [
          w.__brokerlabFrameTimes.slice(),
          w.__intervals.slice(),
          document.getElementsByTagName("*").length,
        ] as const;
      });
      // Durations are in seconds, over the Timestamp's seconds: ms per second is the ratio x 1000.
      const perSec = (name: string): number =>
        Math.round(
          ((after[name]! - before[name]!) / (after["Timestamp"]! - before["Timestamp"]!)) * 1000,
        );
      const sorted = [...times].sort((a, b) => a - b);
      const intervals = [...gaps].sort((a, b) => a - b);
      const round = (n: number): number => Math.round(n * 100) / 100;
      out.push({
        scenario,
        frames: sorted.length,
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        max: round(sorted[sorted.length - 1] ?? 0),
        intervalP95: round(percentile(intervals, 95)),
        late:
          Math.round(
            (intervals.filter((t) => t > 25).length / Math.max(1, intervals.length)) * 1e4,
          ) / 1e4,
        elements,
        perSecond: {
          script: perSec("ScriptDuration"),
          layout: perSec("LayoutDuration"),
          style: perSec("RecalcStyleDuration"),
          tasks: perSec("TaskDuration"),
        },
      });
      const last = out[out.length - 1]!;
      const ms = last.perSecond;
      console.log(
        `frames: ${scenario}: frame interval p95 ${last.intervalP95} ms, ` +
          `${(last.late * 100).toFixed(1)}% of frames late (over 25 ms); ${last.elements.toLocaleString("en")} elements; ` +
          `main thread per second: script ${ms.script} ms, layout ${ms.layout} ms, style ${ms.style} ms, all tasks ${ms.tasks} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return out;
}

// Run directly: the scenarios named on the command line (classroom and large-cluster if none).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2);
  const stats = await measureFrames(names.length > 0 ? names : ["classroom", "large-cluster"]);
  if (!stats) console.log("frames: no build or no Chromium (set DIST_DIR; see README)");
  for (const f of stats ?? [])
    console.log(
      `frames: ${f.scenario} at 1x, ${f.frames} frames: work per frame p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms`,
    );
}
