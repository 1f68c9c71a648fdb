// A comparison run: two sides (direct calls and a broker, or push and pull) under the same
// workload and the same faults, always at the same virtual time. Checkpoints every
// SERVICES_CHECKPOINT_MS; seeking restores the nearest one and replays the user's commands.

import {
  advanceServices,
  applyServicesCommand,
  cloneServicesState,
  createServicesSimulation,
  type PresetSide,
  type ServicesCommand,
  type ServicesEvent,
  type ServicesPreset,
  type ServicesState,
} from "../engine/index.ts";

export const SERVICES_CHECKPOINT_MS = 5000;
/** Each side's feed keeps this many recent events. */
const MAX_FEED = 100;

export interface ServicesSide {
  label: string;
  side: PresetSide;
  state: ServicesState;
  /** How many of the run's commands this state has applied. */
  applied: number;
  checkpoints: { time: number; state: ServicesState; applied: number }[];
  /** Recent events (no per-message detail), oldest first. */
  feed: ServicesEvent[];
}

export interface ServicesRun {
  preset: ServicesPreset;
  sides: [ServicesSide, ServicesSide];
  /** Commands the user issued, with their virtual times, applied to both sides. */
  commands: { at: number; command: ServicesCommand }[];
  /** Where the run ends. */
  durationMs: number;
}

export type ServicesRunResult = { ok: true; run: ServicesRun } | { ok: false; errors: string[] };

function makeSide(preset: ServicesPreset, side: PresetSide): ServicesSide | string[] {
  const created = createServicesSimulation(preset.spec, side);
  if (!created.ok) return created.errors;
  return {
    label: side.label,
    side,
    state: created.state,
    applied: 0,
    checkpoints: [{ time: 0, state: cloneServicesState(created.state), applied: 0 }],
    feed: [],
  };
}

export function createServicesRun(preset: ServicesPreset): ServicesRunResult {
  const a = makeSide(preset, preset.sides[0]);
  const b = makeSide(preset, preset.sides[1]);
  if (Array.isArray(a)) return { ok: false, errors: a };
  if (Array.isArray(b)) return { ok: false, errors: b };
  return {
    ok: true,
    run: { preset, sides: [a, b], commands: [], durationMs: preset.spec.durationMs },
  };
}

function keepRecent(feed: ServicesEvent[]): void {
  if (feed.length > MAX_FEED) feed.splice(0, feed.length - MAX_FEED);
}

/** Advances one side to `t`, applying the user's commands due on the way and saving checkpoints. */
function advanceSide(run: ServicesRun, side: ServicesSide, t: number): string | null {
  for (;;) {
    const c = run.commands[side.applied];
    if (!c || c.at > t) break;
    const err = advanceSaving(side, c.at);
    if (err) return err;
    applyServicesCommand(side.state, c.command, { events: side.feed });
    side.applied++;
  }
  const err = advanceSaving(side, t);
  keepRecent(side.feed);
  return err;
}

function advanceSaving(side: ServicesSide, t: number): string | null {
  const s = side.state;
  for (;;) {
    const last = side.checkpoints[side.checkpoints.length - 1]!.time;
    const next = last + SERVICES_CHECKPOINT_MS;
    if (next > t) break;
    const r = advanceServices(s, next, { events: side.feed });
    if (!r.ok) return r.error;
    side.checkpoints.push({ time: next, state: cloneServicesState(s), applied: side.applied });
  }
  const r = advanceServices(s, t, { events: side.feed });
  return r.ok ? null : r.error;
}

/** Both sides forward to `t` (never past the end of the run). */
export function advanceServicesRun(run: ServicesRun, t: number): string | null {
  const target = Math.min(t, run.durationMs);
  for (const side of run.sides) {
    if (target <= side.state.time) continue;
    const err = advanceSide(run, side, target);
    if (err) return err;
  }
  return null;
}

/** Both sides to `t`, backwards or forwards: restore the nearest checkpoint, then replay. */
export function seekServicesRun(run: ServicesRun, t: number): string | null {
  const target = Math.max(0, Math.min(t, run.durationMs));
  for (const side of run.sides) {
    if (target < side.state.time) {
      let i = side.checkpoints.length - 1;
      while (i > 0 && side.checkpoints[i]!.time > target) i--;
      const cp = side.checkpoints[i]!;
      side.state = cloneServicesState(cp.state);
      side.applied = cp.applied;
      side.feed = [];
    }
    const err = advanceSide(run, side, target);
    if (err) return err;
  }
  return null;
}

/** A user's command, applied to both sides now; the future after now is recomputed from here. */
export function issueServicesCommand(run: ServicesRun, command: ServicesCommand): string | null {
  const now = run.sides[0].state.time;
  // Commands after now belonged to another line of history.
  run.commands = run.commands.filter((c) => c.at <= now);
  run.commands.push({ at: now, command });
  let error: string | null = null;
  for (const side of run.sides) {
    // Checkpoints later than now saw the discarded future; one taken now replays the command.
    side.checkpoints = side.checkpoints.filter((c) => c.time <= now);
    const r = applyServicesCommand(side.state, command, { events: side.feed });
    if (!r.ok) error = r.error;
    side.applied = run.commands.length;
  }
  return error;
}

export function servicesRunTime(run: ServicesRun): number {
  return run.sides[0].state.time;
}
