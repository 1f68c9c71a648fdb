// `npm test`: every gate and every test, in order, streaming their output. It does not stop at
// the first failure, so one run shows every problem; only the browser tests wait for a good
// build. Each gate (typecheck, lint, format, build) counts as one test, each Vitest and e2e test
// as itself. The last line is always `N passed, N failed` (plus `, N skipped` when some were).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const vitestJson = path.join(root, "test-results/vitest.json");
const e2eJson = path.join(root, "test-results/e2e-summary.json");

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    child.on("error", (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const rows = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function record(name, { passed = 0, failed = 0, skipped = 0 }, seconds, note = "") {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  rows.push({ name, passed, failed, skipped, seconds, note });
}

async function step(name, command, args) {
  console.log(`\n━━ ${name}: ${[path.basename(command), ...args].join(" ")}`);
  const started = performance.now();
  const code = await run(command, args);
  return { code, seconds: (performance.now() - started) / 1000 };
}

async function gate(name, command, args) {
  const { code, seconds } = await step(name, command, args);
  record(
    name,
    code === 0 ? { passed: 1 } : { failed: 1 },
    seconds,
    code === 0 ? "" : `exit ${code}`,
  );
  return code === 0;
}

/** Vitest: one count per test, from its JSON report; a file that failed to load counts as one. */
async function unitTests() {
  rmSync(vitestJson, { force: true });
  const { code, seconds } = await step("unit tests", bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${path.relative(root, vitestJson)}`,
  ]);
  const report = readJson(vitestJson);
  if (!report) {
    record("unit tests", { failed: 1 }, seconds, `no JSON report (exit ${code})`);
    return;
  }
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
  ).length;
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  let note = brokenFiles > 0 ? `${brokenFiles} file(s) failed to run` : "";
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note = `exit ${code} with no failed test (unhandled error?)`;
  }
  record("unit tests", counts, seconds, note);
}

async function browserTests(buildOk) {
  if (!buildOk) {
    console.log("\n━━ browser tests: skipped, the build failed");
    record("browser tests", { failed: 1 }, 0, "not run: the build failed");
    return;
  }
  rmSync(e2eJson, { force: true });
  const { code, seconds } = await step("browser tests", process.execPath, ["test/e2e/run.mjs"]);
  const summary = readJson(e2eJson);
  if (!summary) {
    record("browser tests", { failed: 1 }, seconds, `no summary (exit ${code})`);
    return;
  }
  const counts = { passed: summary.passed ?? 0, failed: summary.failed ?? 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  record("browser tests", counts, seconds);
}

await gate("typecheck", "npm", ["run", "--silent", "typecheck"]);
await gate("lint", bin("eslint"), [".", "--max-warnings=0"]);
await gate("format", bin("prettier"), ["--check", "."]);
await unitTests();
const buildOk = await gate("build", bin("vite"), ["build"]);
await browserTests(buildOk);

console.log("\n━━ summary");
for (const r of rows) {
  const mark = r.failed > 0 ? "✗" : "✓";
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`;
  const note = r.note ? `  (${r.note})` : "";
  console.log(`${mark} ${r.name.padEnd(14)} ${counts.padEnd(30)} ${r.seconds.toFixed(1)} s${note}`);
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
