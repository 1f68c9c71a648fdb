// The "Before Kafka" comparison as a zustand store: which situation runs, play, pause, speed,
// seek, and the user's commands. The run's states are mutated in place, so every change bumps
// `frame`; views select small slices.

import { createStore, type StoreApi } from "zustand/vanilla";
import {
  nextServicesEventTime,
  SERVICES_PRESETS,
  type ServicesCommand,
  type ServicesPreset,
} from "../engine/index.ts";
import {
  advanceServicesRun,
  createServicesRun,
  issueServicesCommand,
  seekServicesRun,
  servicesRunTime,
  type ServicesRun,
} from "./servicesRun.ts";

export const SERVICES_MIN_SPEED = 0.1;
export const SERVICES_MAX_SPEED = 10;

/** How every run of a store is set up (a lesson may run longer, or without the faults). */
export interface ServicesOptions {
  durationMs?: number;
  /** Keep the situation's scheduled commands (default true). */
  timeline?: boolean;
}

/** What the user did, in order: a command on both sides, or a switch to another situation. */
export type ServicesUserAction = ServicesCommand | { type: "choosePreset"; preset: string };

export interface ServicesStore {
  presetId: string;
  run: ServicesRun;
  frame: number;
  playing: boolean;
  /** Virtual milliseconds per wall millisecond. */
  speed: number;
  error: string | null;
  /** Everything the user did, across situations (a lesson checks its steps' actions here). */
  log: ServicesUserAction[];
  choose: (presetId: string) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  /** Called by the clock on each animation frame with the wall time elapsed. */
  tick: (wallMs: number) => void;
  seek: (t: number) => void;
  /** Pauses and moves both sides on to the next thing that happens on either. */
  step: () => void;
  issue: (command: ServicesCommand) => void;
  dismissError: () => void;
}

export type ServicesStoreApi = StoreApi<ServicesStore>;

export function servicesPresets(): readonly ServicesPreset[] {
  return SERVICES_PRESETS;
}

function presetRun(
  id: string,
  options: ServicesOptions,
): { ok: true; run: ServicesRun } | { ok: false; error: string } {
  const found = SERVICES_PRESETS.find((p) => p.id === id);
  if (!found) {
    const known = SERVICES_PRESETS.map((p) => p.id).join(", ");
    return { ok: false, error: `There is no situation called "${id}". Known: ${known}.` };
  }
  const spec = {
    ...found.spec,
    durationMs: options.durationMs ?? found.spec.durationMs,
    timeline: options.timeline === false ? [] : found.spec.timeline,
  };
  const preset =
    options.durationMs === undefined && options.timeline !== false ? found : { ...found, spec };
  const created = createServicesRun(preset);
  return created.ok ? created : { ok: false, error: created.errors.join(" ") };
}

/** A store running the named situation (the first one, with a message, if the name is unknown). */
export function createServicesStore(
  presetId: string,
  options: ServicesOptions = {},
): ServicesStoreApi {
  let first = presetRun(presetId, options);
  let notice: string | null = null;
  if (!first.ok) {
    notice = first.error;
    first = presetRun(SERVICES_PRESETS[0]!.id, options);
  }
  if (!first.ok) throw new Error(first.error);
  const initial = first.run;
  return createStore<ServicesStore>()((set, get) => {
    const after = (error: string | null, extra: Partial<ServicesStore> = {}): void =>
      set((s) => ({ ...extra, frame: s.frame + 1, error: error ?? s.error }));
    return {
      presetId: initial.preset.id,
      run: initial,
      frame: 0,
      playing: false,
      speed: 1,
      error: notice,
      log: [],
      choose: (id) => {
        const next = presetRun(id, options);
        if (!next.ok) return after(next.error);
        set((s) => ({
          presetId: id,
          run: next.run,
          playing: false,
          error: null,
          frame: s.frame + 1,
          log: [...s.log, { type: "choosePreset", preset: id }],
        }));
      },
      play: () => {
        const run = get().run;
        // Playing from the end starts over.
        if (servicesRunTime(run) >= run.durationMs) after(seekServicesRun(run, 0));
        set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (speed) =>
        set({ speed: Math.min(SERVICES_MAX_SPEED, Math.max(SERVICES_MIN_SPEED, speed)) }),
      tick: (wallMs) => {
        const s = get();
        if (!s.playing || wallMs <= 0) return;
        // A background tab can report a huge gap: cap one frame at a quarter second.
        const t = servicesRunTime(s.run) + Math.min(wallMs, 250) * s.speed;
        const error = advanceServicesRun(s.run, t);
        const ended = servicesRunTime(s.run) >= s.run.durationMs;
        after(error, error || ended ? { playing: false } : {});
      },
      seek: (t) => after(seekServicesRun(get().run, t)),
      step: () => {
        const run = get().run;
        const now = servicesRunTime(run);
        const next = Math.min(
          ...run.sides.map((side) => nextServicesEventTime(side.state) ?? run.durationMs),
        );
        // At least a millisecond on, so that a step never stands still.
        const t = Math.min(run.durationMs, Math.max(now + 1, next));
        after(advanceServicesRun(run, t), { playing: false });
      },
      issue: (command) =>
        after(issueServicesCommand(get().run, command), { log: [...get().log, command] }),
      dismissError: () => set({ error: null }),
    };
  });
}
