// `npm run -s sim -- SCENARIO --until MS [--json] [--events]`: runs a scenario headless and
// prints what happened. Exit codes: 0 done, 1 the engine stopped early, 2 a bad scenario or
// bad arguments (problems on stderr, one per line, never a stack trace).

import { existsSync, readFileSync, statSync } from "node:fs";
import {
  BUILTIN_SCENARIOS,
  findBuiltinScenario,
  formatProblem,
  parseScenario,
  validateScenario,
  type ValidationResult,
} from "../scenario/index.ts";
import { USAGE, parseArgs } from "./args.ts";
import { describeRun, eventLine } from "./describe.ts";
import { jsonReport } from "./jsonReport.ts";
import { runSpec } from "./run.ts";

function load(name: string): ValidationResult | { ok: false; message: string } {
  if (existsSync(name) && statSync(name).isFile()) {
    let text: string;
    try {
      text = readFileSync(name, "utf8");
    } catch (e) {
      return {
        ok: false,
        message: `${name}: cannot read it (${e instanceof Error ? e.message : "unknown error"})`,
      };
    }
    return parseScenario(text);
  }
  const builtin = findBuiltinScenario(name);
  if (builtin) return validateScenario(builtin.document);
  return {
    ok: false,
    message: `${name}: no such file, and no built-in scenario of that name (built-ins: ${BUILTIN_SCENARIOS.map((s) => s.id).join(", ")})`,
  };
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (parsed.kind === "list") {
    for (const s of BUILTIN_SCENARIOS) console.log(`${s.id.padEnd(34)} ${s.title}`);
    return 0;
  }
  if (parsed.kind === "error") {
    console.error(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const args = parsed.args;
  const loaded = load(args.scenario);
  if (!loaded.ok) {
    if ("message" in loaded) console.error(loaded.message);
    else {
      console.error(
        `${args.scenario}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? "" : "s"}`,
      );
      for (const p of loaded.problems) console.error(formatProblem(p));
    }
    return 2;
  }
  const run = runSpec(loaded.spec, {
    until: args.until,
    keepEvents: args.events,
    detail: args.detail,
  });
  if (!run.ok) {
    console.error(`${args.scenario}: the engine refused this scenario`);
    for (const e of run.errors) console.error(`${e.name}: ${e.message}`);
    return 2;
  }
  const { outcome } = run;
  const eventText = outcome.events.map(eventLine).join("\n");
  if (args.json) {
    if (args.events && eventText !== "") process.stderr.write(`${eventText}\n`);
    process.stdout.write(`${JSON.stringify(jsonReport(outcome.state, outcome.audit), null, 2)}\n`);
  } else {
    if (args.events) process.stdout.write(`Events\n${eventText === "" ? "  none" : eventText}\n\n`);
    process.stdout.write(describeRun(outcome));
  }
  if (outcome.stalled) {
    console.error(`${outcome.stalled.name}: ${outcome.stalled.message}`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
