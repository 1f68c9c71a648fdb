// Frame times in headless Chromium: the built app plays a scenario at 1x for a few seconds of
// wall time, and the clock reports each frame's work (engine advance plus React render). Headless
// Chromium caps frames at 60 Hz, so this measures work per frame, not frames per second.

import { existsSync } from "node:fs";
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
      await page.evaluate(() => {
        (window as unknown as { __intervals: number[] }).__intervals.length = 0;
      });
      await page.waitForTimeout(wallMs);
      const [times, gaps] = await page.evaluate(() => {
        const w = window as unknown as { __brokerlabFrameTimes: number[]; __intervals: number[] };
        return [w.__brokerlabFrameTimes.slice(), w.__intervals.slice()];
      });
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
        late: round(intervals.filter((t) => t > 25).length / Math.max(1, intervals.length)),
      });
      const last = out[out.length - 1]!;
      console.log(
        `frames: ${scenario}: frame interval p95 ${last.intervalP95} ms, ${Math.round(last.late * 100)}% of frames late (over 25 ms)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return out;
}
