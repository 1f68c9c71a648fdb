// Share links from the store's side: a snapshot of the current run (scenario, the user's
// commands, the moment, playing or not), and opening a link's run as a new store replayed to
// its moment. The format itself lives in src/scenario/url.

import {
  decodeShareLink,
  encodeShareLink,
  type EncodeResult,
  type OpenedRun,
  type RunProblem,
  type Scenario,
  type SharedRun,
} from "../scenario/index.ts";
import { seekRun } from "./run.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export type OpenedShared =
  { ok: true; store: SimStoreApi; run: OpenedRun } | { ok: false; problem: RunProblem };

/** The run on screen, as a link or the autosave carries it. */
export function snapshotOf(scenario: Scenario, store: SimStoreApi, embed = false): SharedRun {
  const s = store.getState();
  return {
    scenario,
    commands: s.run.commands.map((c) => ({ at: c.at, command: c.command })),
    time: s.run.state.time,
    playing: s.playing,
    speed: s.speed,
    embed,
  };
}

/** Virtual time replayed per step: a slice short enough to keep the page responsive between two. */
export const REPLAY_SLICE_MS = 10_000;

export type ReplayStep =
  | { kind: "working"; progress: number }
  | { kind: "done" }
  | { kind: "failed"; problem: RunProblem };

/**
 * A replay under way. A link may open hours into a run, and a replay costs time in proportion:
 * the page calls `step` between frames, shows the progress and can give up, instead of freezing.
 */
export interface Replay {
  readonly store: SimStoreApi;
  readonly run: OpenedRun;
  step(): ReplayStep;
}

const replayFailed = (message: string): RunProblem => ({
  kind: "replayFailed",
  message,
  details: [],
});

export function startReplay(
  run: OpenedRun,
): { ok: true; replay: Replay } | { ok: false; problem: RunProblem } {
  const created = createSimStore(run.spec);
  if (!created.ok)
    return {
      ok: false,
      problem: replayFailed(`The engine refused this scenario: ${created.errors.join(" ")}`),
    };
  const store = created.store;
  const state = store.getState();
  // Commands at or before the moment are replayed; later ones (the user had stepped back) stay
  // in the run's future, as they were.
  state.run.commands = run.commands.map((c) => ({ at: c.at, command: c.command }));
  let finished = false;
  const step = (): ReplayStep => {
    if (finished) return { kind: "done" };
    const target = Math.min(run.time, state.run.state.time + REPLAY_SLICE_MS);
    const err = seekRun(state.run, target);
    if (err)
      return {
        kind: "failed",
        problem: replayFailed(
          `The run could not be replayed to ${Math.round(run.time)} ms: ${err.name}: ${err.message}`,
        ),
      };
    if (target < run.time) return { kind: "working", progress: target / run.time };
    finished = true;
    store.setState((s) => ({ frame: s.frame + 1, playing: run.playing, speed: run.speed }));
    return { kind: "done" };
  };
  return { ok: true, replay: { store, run, step } };
}

/** Runs a replay to its end in one go. */
export function finishReplay(replay: Replay): OpenedShared {
  for (;;) {
    const r = replay.step();
    if (r.kind === "done") return { ok: true, store: replay.store, run: replay.run };
    if (r.kind === "failed") return { ok: false, problem: r.problem };
  }
}

/** A new store with the run replayed to its moment: the same engine state as where it was shared. */
export function openRun(run: OpenedRun): OpenedShared {
  const started = startReplay(run);
  return started.ok ? finishReplay(started.replay) : started;
}

/** Reads a link's fragment and opens its run. Never throws. */
export function openShareLink(fragment: string): OpenedShared {
  const decoded = decodeShareLink(fragment);
  return decoded.ok ? openRun(decoded.run) : decoded;
}

/** The fragment (without `#`) of a link to the run on screen. */
export function shareLinkFor(
  scenario: Scenario,
  store: SimStoreApi,
  embed = false,
): Promise<EncodeResult> {
  return encodeShareLink(snapshotOf(scenario, store, embed));
}
