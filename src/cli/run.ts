// Running a scenario headless: build the simulation, advance it to the requested time and keep
// what the summary needs from the trace. No input or output here, so tests can call it.

import {
  advanceTo,
  audit,
  createSimulation,
  type AuditReport,
  type EngineError,
  type SimEvent,
  type SimState,
  type SimulationSpec,
} from "../engine/index.ts";

export interface RunOptions {
  until: number;
  /** Keep the events (the plain-language trace); otherwise they are tallied and dropped. */
  keepEvents?: boolean;
  /** Include the per-batch and per-fetch events. */
  detail?: boolean;
}

export interface RunOutcome {
  state: SimState;
  audit: AuditReport;
  events: SimEvent[];
  /** Per producer: how often a send failed with each error and was retried. */
  retries: Record<string, Record<string, number>>;
  /** Set when the engine refused to go on (too many events in one step). */
  stalled: EngineError | null;
}

export type RunResult = { ok: true; outcome: RunOutcome } | { ok: false; errors: EngineError[] };

/** Virtual time advanced per step; any step size gives the same run (the engine's property). */
const STEP_MS = 1000;

export function runSpec(spec: SimulationSpec, options: RunOptions): RunResult {
  const created = createSimulation(spec);
  if (!created.ok) return { ok: false, errors: created.errors };
  const state = created.state;
  const kept: SimEvent[] = [];
  const retries: Record<string, Record<string, number>> = {};
  let stalled: EngineError | null = null;
  const until = Math.max(0, options.until);
  for (let t = Math.min(STEP_MS, until); ; t = Math.min(t + STEP_MS, until)) {
    const events: SimEvent[] = [];
    const result = advanceTo(state, t, { events, detail: options.detail ?? false });
    for (const e of events) {
      if (e.type === "produceRetried") {
        const byError = retries[e.producer] ?? (retries[e.producer] = {});
        byError[e.error] = (byError[e.error] ?? 0) + e.count;
      }
      if (options.keepEvents) kept.push(e);
    }
    if (!result.ok) {
      stalled = result.error;
      break;
    }
    if (t >= until) break;
  }
  return { ok: true, outcome: { state, audit: audit(state), events: kept, retries, stalled } };
}
