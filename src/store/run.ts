// A run: the engine state at `now`, plus what it takes to go anywhere in time. Checkpoints
// every CHECKPOINT_INTERVAL_MS of virtual time; seeking restores the nearest one at or before
// the target and replays the user's commands on the way (RaftScope's time travel, seeded).
// The replay is untraced except for its last TRACE_TAIL_MS: a trace costs about as much as
// the simulation itself, and what the feed and the timeline need of the past is in `history`.

import {
  advanceTo,
  applyCommand,
  cloneState,
  createSimulation,
  DETAIL_EVENTS,
  nextEventTime,
  type Command,
  type EngineError,
  type SimEvent,
  type SimState,
  type SimulationSpec,
} from "../engine/index.ts";
import {
  createMetrics,
  nextSampleTime,
  recordSample,
  rewindMetrics,
  type Metrics,
} from "./metrics.ts";

export const CHECKPOINT_INTERVAL_MS = 5_000;
/**
 * Checkpoints kept at most. A long run (hours of virtual time, at 100x in a class) would
 * otherwise hold one every 5 s forever and exhaust the tab's memory; past this many, the older
 * ones are thinned to an even, wider spacing, and a seek there replays a little longer.
 */
export const MAX_CHECKPOINTS = 240;
/** The newest checkpoints are never thinned: seeking near now stays the fastest. */
const RECENT_CHECKPOINTS = 60;
/** The event feed keeps this many recent events. */
export const MAX_EVENTS = 20_000;
/** Notable events kept for the whole line of history (the timeline's markers, the feed). */
export const MAX_HISTORY = 50_000;
/** A seek traces only this much virtual time before its target. */
export const TRACE_TAIL_MS = 1_000;

export interface TimedCommand {
  at: number;
  command: Command;
}

export interface Run {
  spec: SimulationSpec;
  state: SimState;
  /** Commands the user issued, in order, with their virtual times. */
  commands: TimedCommand[];
  /** Ascending by time; the first is the initial state. */
  checkpoints: { time: number; state: SimState }[];
  /**
   * Recent trace events up to now, oldest first, detail included; contiguous (a seek starts it
   * afresh a little before its target).
   */
  events: SimEvent[];
  /**
   * The notable (non-detail) events from the start to the horizon, oldest first: the same
   * whatever moment is shown, since the run is deterministic; a fork cuts it at the fork.
   */
  history: SimEvent[];
  /** Virtual time reached so far in this line of history (the end of the timeline). */
  horizon: number;
  /** Record per-batch and per-fetch events too (off for very large clusters). */
  detail: boolean;
  /** The charts' series, sampled on virtual time up to the horizon (metrics.ts). */
  metrics: Metrics;
  /** How many checkpoints to keep (MAX_CHECKPOINTS; smaller in tests). */
  maxCheckpoints: number;
}

export type RunResult<T = Run> = { ok: true; value: T } | { ok: false; errors: EngineError[] };

export function createRun(
  spec: SimulationSpec,
  detail = true,
  maxCheckpoints = MAX_CHECKPOINTS,
): RunResult {
  const created = createSimulation(spec);
  if (!created.ok) return { ok: false, errors: created.errors };
  return {
    ok: true,
    value: {
      spec,
      state: created.state,
      commands: [],
      checkpoints: [{ time: 0, state: cloneState(created.state) }],
      events: [],
      history: [],
      horizon: 0,
      detail,
      metrics: createMetrics(created.state),
      maxCheckpoints: Math.max(2 * RECENT_CHECKPOINTS, maxCheckpoints),
    },
  };
}

/**
 * Keeps the first checkpoint, the newest RECENT_CHECKPOINTS, and of those between only the ones
 * at a multiple of the smallest doubled spacing that brings the list to three quarters of the
 * limit: an even spacing, so no stretch of the past is much slower to seek into than another.
 */
function thinCheckpoints(run: Run): void {
  const list = run.checkpoints;
  if (list.length <= run.maxCheckpoints) return;
  const recentFrom = list.length - RECENT_CHECKPOINTS;
  const target = Math.floor((run.maxCheckpoints * 3) / 4);
  // Never denser than the last thinning left the oldest ones: the spacing only widens.
  const current = list.length > 2 ? list[2]!.time - list[1]!.time : CHECKPOINT_INTERVAL_MS;
  for (let spacing = Math.max(2 * CHECKPOINT_INTERVAL_MS, current); ; spacing *= 2) {
    const older = list.slice(1, recentFrom).filter((c) => c.time % spacing === 0);
    // Ends at the latest once no older checkpoint is left.
    if (1 + older.length + RECENT_CHECKPOINTS <= target || older.length === 0) {
      run.checkpoints = [list[0]!, ...older, ...list.slice(recentFrom)];
      return;
    }
  }
}

function keepRecent(events: SimEvent[]): void {
  if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
}

/** Adds the notable ones of `events` from index `from` to the history (new ground only). */
function extendHistory(run: Run, events: readonly SimEvent[], from: number, after: number): void {
  const h = run.history;
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (e.time > after && !DETAIL_EVENTS.has(e.type)) h.push(e);
  }
  if (h.length > MAX_HISTORY) h.splice(0, h.length - MAX_HISTORY);
}

/** Advances from the run's state to `t`, applying the user's commands due on the way. */
function advanceWithCommands(run: Run, t: number, record: boolean): EngineError | null {
  const s = run.state;
  const sink = record ? run.events : undefined;
  const pending = run.commands.filter(
    (c) => c.at > s.time || (c.at === s.time && !alreadyApplied(run, c)),
  );
  for (const c of pending) {
    if (c.at > t) break;
    const r = advanceSaving(run, c.at, sink);
    if (r) return r;
    applyCommand(s, c.command, sink ? { events: sink, detail: run.detail } : {});
  }
  return advanceSaving(run, t, sink);
}

/** Whether a command at the state's exact time was already applied (it is in the engine's log). */
function alreadyApplied(run: Run, c: TimedCommand): boolean {
  return run.state.commandLog.some((l) => l.at === c.at && l.command === c.command);
}

function advanceSaving(run: Run, t: number, sink: SimEvent[] | undefined): EngineError | null {
  const s = run.state;
  for (;;) {
    const last = run.checkpoints[run.checkpoints.length - 1]!;
    // Checkpoints fall on multiples of the interval, counted from the state's own time: after a
    // fork the newest one left may be far behind (thinned), and a replay stops there harmlessly.
    const nextCheckpoint =
      (Math.floor(s.time / CHECKPOINT_INTERVAL_MS) + 1) * CHECKPOINT_INTERVAL_MS;
    // Stops at each sample time too: a sample is the state at exactly that virtual time.
    const nextSample = nextSampleTime(s.time);
    const stop = Math.min(t, nextCheckpoint, nextSample);
    const from = sink ? sink.length : 0;
    const r = advanceTo(s, stop, sink ? { events: sink, detail: run.detail } : {});
    // Only time never reached before adds to the history; a replay regenerates what it has.
    if (sink && s.time > run.horizon) extendHistory(run, sink, from, run.horizon);
    if (s.time > run.horizon) run.horizon = s.time;
    if (!r.ok) return r.error;
    if (s.time === nextSample) recordSample(run.metrics, s);
    if (stop === nextCheckpoint && s.time === nextCheckpoint && nextCheckpoint > last.time) {
      run.checkpoints.push({ time: nextCheckpoint, state: cloneState(s) });
      thinCheckpoints(run);
    }
    if (stop >= t) break;
  }
  if (sink) keepRecent(sink);
  return null;
}

/** Moves forward in time (play). */
export function advanceRun(run: Run, t: number): EngineError | null {
  // The state at time t includes every event due at t.
  if (t < run.state.time) return null;
  return advanceWithCommands(run, t, true);
}

/** Goes to any time up to the horizon: restore the nearest checkpoint, replay to `t`. */
export function seekRun(run: Run, t: number): EngineError | null {
  const target = Math.max(0, t);
  let i = run.checkpoints.length - 1;
  while (i > 0 && run.checkpoints[i]!.time > target) i--;
  const cp = run.checkpoints[i]!;
  // Forward within reach of the current state: replaying from here is cheaper than restoring.
  if (target >= run.state.time && cp.time <= run.state.time) return advanceRun(run, target);
  const wasAt = run.state.time;
  run.state = cloneState(cp.state);
  // Never untraced past the horizon: time reached for the first time feeds the history.
  const traceFrom = Math.min(target - TRACE_TAIL_MS, run.horizon);
  if (traceFrom > cp.time || cp.time > wasAt) {
    // The trace restarts here, so that the recent events stay contiguous.
    run.events.length = 0;
    if (traceFrom > cp.time) {
      const err = advanceWithCommands(run, traceFrom, false);
      if (err) return err;
    }
  } else {
    // Events after the checkpoint are regenerated by the replay.
    const firstAfter = run.events.findIndex((e) => e.time > cp.time);
    if (firstAfter >= 0) run.events.length = firstAfter;
  }
  return advanceWithCommands(run, target, true);
}

/**
 * Issues a command now. If we are in the past, the old future is discarded first (fork):
 * later commands, checkpoints and events go, and the horizon comes back to now.
 */
export function issueCommand(run: Run, command: Command): EngineError | null {
  const now = run.state.time;
  run.commands = run.commands.filter((c) => c.at <= now);
  run.checkpoints = run.checkpoints.filter((c) => c.time <= now);
  const firstAfter = run.events.findIndex((e) => e.time > now);
  if (firstAfter >= 0) run.events.length = firstAfter;
  const firstLater = run.history.findIndex((e) => e.time > now);
  if (firstLater >= 0) run.history.length = firstLater;
  run.horizon = now;
  rewindMetrics(run.metrics, now);
  const timed = { at: now, command };
  run.commands.push(timed);
  const from = run.events.length;
  const r = applyCommand(run.state, command, { events: run.events, detail: run.detail });
  extendHistory(run, run.events, from, -1);
  keepRecent(run.events);
  return r.ok ? null : r.error;
}

/** Single step forward: to the next moment at which the trace says something. */
export function stepForward(run: Run, maxMs = 600_000): EngineError | null {
  const start = run.state.time;
  // The last event seen, not a count: the recent window is trimmed from the front.
  const lastBefore = run.events[run.events.length - 1];
  for (;;) {
    const next = nextEventTime(run.state);
    if (next === undefined || next - start > maxMs) return null;
    const err = advanceWithCommands(run, Math.max(next, run.state.time), true);
    if (err) return err;
    const last = run.events[run.events.length - 1];
    if (last !== undefined && last !== lastBefore && last.time > start) return null;
    if (next <= run.state.time && nextEventTime(run.state) === next) return null;
  }
}

/** Single step back: to the previous moment at which the trace said something. */
export function stepBack(run: Run): EngineError | null {
  const now = run.state.time;
  // The recent trace has every event since it started; before that, trace the past again.
  const target = lastTimeBefore(run.events, now) ?? lastEventBefore(run, now) ?? 0;
  return seekRun(run, target);
}

/**
 * The time of the last event before `t`, replaying the past with a trace on a scratch copy,
 * one checkpoint interval at a time going back, until one is found (or the start is reached).
 */
function lastEventBefore(run: Run, t: number): number | undefined {
  let i = run.checkpoints.length - 1;
  while (i > 0 && run.checkpoints[i]!.time >= t) i--;
  let until = t;
  for (; i >= 0; i--) {
    const cp = run.checkpoints[i]!;
    // Commands, checkpoints and history are only read on a replay within the horizon.
    const scratch: Run = { ...run, state: cloneState(cp.state), events: [] };
    if (advanceWithCommands(scratch, until, true)) return undefined;
    const found = lastTimeBefore(scratch.events, t);
    if (found !== undefined) return found;
    until = cp.time;
  }
  return undefined;
}

function lastTimeBefore(events: readonly SimEvent[], t: number): number | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.time < t) return events[i]!.time;
  return undefined;
}
