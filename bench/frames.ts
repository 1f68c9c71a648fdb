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
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

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
      await page.addInitScript(() => {
        (window as unknown as { __brokerlabFrameTimes: number[] }).__brokerlabFrameTimes = [];
      });
      await page.goto(`http://127.0.0.1:${port}/?scenario=${scenario}`);
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForTimeout(wallMs);
      const times = await page.evaluate(() =>
        (window as unknown as { __brokerlabFrameTimes: number[] }).__brokerlabFrameTimes.slice(),
      );
      const sorted = [...times].sort((a, b) => a - b);
      const round = (n: number): number => Math.round(n * 100) / 100;
      out.push({
        scenario,
        frames: sorted.length,
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        max: round(sorted[sorted.length - 1] ?? 0),
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return out;
}
