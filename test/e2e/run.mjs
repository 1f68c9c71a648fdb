// The browser test runner: serves the built app from dist/ with Vite's preview server, drives
// the system Chromium with playwright-core, and runs every test/e2e/*.e2e.mjs file's `tests`.
//
//   node test/e2e/run.mjs            run every file
//   node test/e2e/run.mjs app        run only files whose name contains "app"
//   DIST_DIR=/tmp/d node test/e2e/run.mjs   serve a build made with `vite build --outDir /tmp/d`
//
// Each test gets a fresh browser context and fails on any page error, console error or failed
// HTTP response, even when its own assertions pass. Writes test-results/e2e-summary.json.
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { stripVTControlCharacters } from "node:util";
import { chromium } from "playwright-core";
import { preview } from "vite";
import chromiumConfig from "./chromium.json" with { type: "json" };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const e2eDir = path.join(root, "test/e2e");
const resultsDir = path.join(root, "test-results");
const screenshotDir = path.join(resultsDir, "screenshots");
const summaryPath = path.join(resultsDir, "e2e-summary.json");
// DIST_DIR serves another build (say, one built with --outDir) instead of dist/.
const distDir = path.resolve(root, process.env.DIST_DIR || "dist");
// One place for how Chromium is launched here (the frame-time benchmark uses it too).
const chromiumPath = process.env.CHROMIUM_PATH || chromiumConfig.executablePath;
const TEST_TIMEOUT_MS = 30_000;

const CHROMIUM_ARGS = chromiumConfig.args;

const filters = process.argv.slice(2);
const results = [];

async function loadTests() {
  const files = (await readdir(e2eDir))
    .filter((f) => f.endsWith(".e2e.mjs"))
    .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
    .sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(e2eDir, file)).href);
    if (!Array.isArray(mod.tests)) throw new Error(`${file} does not export an array "tests"`);
    for (const t of mod.tests) {
      if (typeof t?.name !== "string" || typeof t?.run !== "function") {
        throw new Error(`${file}: every test needs { name: string, run: async function }`);
      }
      tests.push({ file, ...t });
    }
  }
  return tests;
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((l) => l.trim() !== "") ?? text;
}

async function writeSummary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  await mkdir(resultsDir, { recursive: true });
  await writeFile(summaryPath, JSON.stringify({ passed, failed, tests: results }, null, 2) + "\n");
  return { passed, failed };
}

async function failAll(tests, message) {
  console.error(`✗ e2e: ${message}`);
  for (const t of tests) results.push({ name: t.name, file: t.file, ok: false, error: message });
  if (tests.length === 0) results.push({ name: "e2e setup", ok: false, error: message });
  await writeSummary();
  process.exit(1);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runTest(browser, baseUrl, test) {
  const started = performance.now();
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (err) => problems.push(`page error: ${firstLine(err)}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on("requestfailed", (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? "unknown"})`);
  });

  const screenshot = async (name = slug(test.name)) => {
    const file = path.join(screenshotDir, `${slug(name)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };

  let error;
  try {
    await withTimeout(test.run({ page, context, baseUrl, screenshot }), TEST_TIMEOUT_MS, "test");
    // Let late errors (a throw in an effect or a timer) surface before judging the page clean.
    await page.waitForTimeout(50);
    if (problems.length > 0) error = new Error(problems.join("\n  "));
  } catch (err) {
    error = err;
    if (problems.length > 0) error = new Error(`${firstLine(err)}\n  ${problems.join("\n  ")}`);
    await screenshot(`${slug(test.name)}-failure`).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }

  const durationMs = Math.round(performance.now() - started);
  const ok = error === undefined;
  // Playwright colours its call logs; the summary and CI logs want plain text.
  const message = ok
    ? undefined
    : stripVTControlCharacters(error instanceof Error ? error.message : String(error)).trimEnd();
  results.push({ name: test.name, file: test.file, ok, durationMs, error: message });
  if (ok) console.log(`✓ ${test.name} (${durationMs} ms)`);
  else console.log(`✗ ${test.name} (${durationMs} ms)\n  ${message}`);
}

async function main() {
  await rm(summaryPath, { force: true });
  await mkdir(screenshotDir, { recursive: true });

  const tests = await loadTests().catch((err) =>
    failAll([], `could not load tests: ${err.message}`),
  );
  if (tests.length === 0) await failAll([], "no test/e2e/*.e2e.mjs tests matched");

  if (!existsSync(path.join(distDir, "index.html"))) {
    await failAll(tests, `${distDir}/index.html is missing: run \`npm run build\` first`);
  }
  if (!existsSync(chromiumPath)) {
    await failAll(
      tests,
      `Chromium not found at ${chromiumPath}. Install it (as root: apt-get install -y chromium) ` +
        `or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    );
  }

  let server;
  let browser;
  try {
    server = await preview({
      root,
      logLevel: "warn",
      // No SPA fallback: a missing asset must be a 404 here, not a copy of index.html. The app
      // keeps its state in the URL fragment, so it never needs the fallback.
      appType: "mpa",
      // Port 0: the OS picks a free port, so parallel runs never collide.
      preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
      build: { outDir: distDir },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === "string") throw new Error("preview server has no port");
    const baseUrl = `http://127.0.0.1:${address.port}/`;

    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    console.log(`e2e: ${tests.length} test(s) against ${baseUrl} with ${chromiumPath}`);

    for (const test of tests) await runTest(browser, baseUrl, test);
  } catch (err) {
    const ran = new Set(results.map((r) => r.name));
    const rest = tests.filter((t) => !ran.has(t.name));
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await failAll(rest, `harness error: ${err instanceof Error ? err.message : String(err)}`);
  }
  await browser.close();
  await server.close();

  const { passed, failed } = await writeSummary();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
