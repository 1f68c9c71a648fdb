// Golden traces: each built-in scenario's plain-language event trace and final summary, kept
// in test/golden/<id>.trace.txt. A change to the engine that changes what a student sees shows
// up here as a diff to review: on a mismatch the new trace is written beside the old one as
// <id>.changed.txt; run with UPDATE_GOLDEN=1 (e.g. `UPDATE_GOLDEN=1 npx vitest run test/golden`)
// to accept it.

import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeRun, eventLine } from "../../src/cli/describe.ts";
import { runSpec } from "../../src/cli/run.ts";
import { BUILTIN_SCENARIOS, loadBuiltinScenario } from "../../src/scenario/index.ts";

const DIR = join(import.meta.dirname, ".");

function trace(id: string, until: number): string {
  const loaded = loadBuiltinScenario(id);
  if (!loaded?.ok) throw new Error(`${id} does not validate`);
  const run = runSpec(loaded.spec, { until, keepEvents: true });
  if (!run.ok) throw new Error(run.errors.map((e) => e.message).join("; "));
  const { outcome } = run;
  return [...outcome.events.map(eventLine), "", describeRun(outcome), ""].join("\n");
}

describe("golden traces of the built-in scenarios", () => {
  for (const s of BUILTIN_SCENARIOS) {
    it(`${s.id} tells the same story as its reviewed trace`, () => {
      const actual = trace(s.id, s.until);
      const goldenPath = join(DIR, `${s.id}.trace.txt`);
      const changedPath = join(DIR, `${s.id}.changed.txt`);
      if (process.env["UPDATE_GOLDEN"] === "1") {
        writeFileSync(goldenPath, actual);
        rmSync(changedPath, { force: true });
      }
      // A scenario without a reviewed trace fails too: its first trace must be looked at.
      const expected = existsSync(goldenPath) ? readFileSync(goldenPath, "utf8") : "";
      if (actual !== expected) writeFileSync(changedPath, actual);
      else rmSync(changedPath, { force: true });
      expect(actual === expected, `${s.id}: the trace changed; review ${changedPath}`).toBe(true);
    });
  }
});
