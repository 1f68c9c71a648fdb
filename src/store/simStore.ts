// The running simulation as a zustand store. The engine state is mutated in place by the run,
// so every change bumps `frame`; views select small primitive slices (or use useShallow) and
// re-render only when what they draw changed.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { Command, SimulationSpec } from "../engine/index.ts";
import {
  advanceRun,
  createRun,
  issueCommand,
  seekRun,
  stepBack,
  stepForward,
  type Run,
} from "./run.ts";

export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;

/** A command issued in the past replaced the later history: where, and how far it went. */
export interface ForkNotice {
  at: number;
  /** The end of the discarded history. */
  discardedTo: number;
}

export interface SimStore {
  run: Run;
  /** Bumps on every change of the engine state. */
  frame: number;
  playing: boolean;
  /** Virtual milliseconds per wall millisecond. */
  speed: number;
  /** The last error a command or an advance produced, for the user to read. */
  error: string | null;
  /** The last fork, until the user dismisses it or plays on. */
  fork: ForkNotice | null;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  /** Called by the clock on each animation frame with the wall time elapsed. */
  tick: (wallMs: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  seek: (t: number) => void;
  issue: (command: Command) => void;
  dismissError: () => void;
  dismissFork: () => void;
}

export type SimStoreApi = StoreApi<SimStore>;

export function createSimStore(
  spec: SimulationSpec,
): { ok: true; store: SimStoreApi } | { ok: false; errors: string[] } {
  const created = createRun(spec);
  if (!created.ok)
    return { ok: false, errors: created.errors.map((e) => `${e.name}: ${e.message}`) };
  const store = createStore<SimStore>()((set, get) => {
    const after = (
      err: { name: string; message: string } | null,
      extra: Partial<SimStore> = {},
    ): void =>
      set((s) => ({
        ...extra,
        frame: s.frame + 1,
        error: err ? `${err.name}: ${err.message}` : s.error,
      }));
    return {
      run: created.value,
      frame: 0,
      playing: false,
      speed: 1,
      error: null,
      fork: null,
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      togglePlay: () => set((s) => ({ playing: !s.playing })),
      setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),
      tick: (wallMs) => {
        const s = get();
        if (!s.playing || wallMs <= 0) return;
        // A background tab can report a huge gap: cap one frame at a quarter second of wall time.
        const virtualMs = Math.min(wallMs, 250) * s.speed;
        const err = advanceRun(s.run, s.run.state.time + virtualMs);
        after(err, err ? { playing: false } : {});
      },
      stepForward: () => after(stepForward(get().run), { playing: false }),
      stepBack: () => after(stepBack(get().run), { playing: false }),
      seek: (t) => after(seekRun(get().run, t)),
      issue: (command) => {
        const run = get().run;
        const fork =
          run.horizon > run.state.time ? { at: run.state.time, discardedTo: run.horizon } : null;
        after(issueCommand(run, command), fork ? { fork } : {});
      },
      dismissError: () => set({ error: null }),
      dismissFork: () => set({ fork: null }),
    };
  });
  return { ok: true, store };
}
