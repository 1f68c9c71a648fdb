// The sandbox: the user's own run (scenario, commands, moment), autosaved in localStorage and
// restored on reload. The rules that keep it safe:
// - Only the run the sandbox owns is saved. A run opened from a link (or `?scenario=`) is shown
//   but not saved: the previous sandbox stays as it was until the user issues a command in the
//   new run, which then becomes theirs (`onAdopt`). A link that fails to open never gets this
//   far, so it can never overwrite the sandbox.
// - Saves are debounced (a quiet second), and a run that keeps changing (playing) is still
//   saved every few seconds; `flush` saves at once when the page is hidden or closed.
// - Storage that is full or refused is reported, never thrown.

import {
  readRunJson,
  runJson,
  type OpenedRun,
  type RunProblem,
  type Scenario,
} from "../scenario/index.ts";
import { snapshotOf } from "./share.ts";
import type { SimStoreApi } from "./simStore.ts";

/** The key carries the payload's version; a later format reads this key and migrates it. */
export const SANDBOX_KEY = "brokerlab.sandbox.v1";

/** The part of the Web Storage API the sandbox uses (a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type LoadedSandbox =
  { kind: "empty" } | { kind: "ok"; run: OpenedRun } | { kind: "unreadable"; problem: RunProblem };

/** The saved sandbox, checked like any link (it may come from an older or a broken build). */
export function loadSandbox(storage: KeyValueStorage | null): LoadedSandbox {
  let text: string | null;
  try {
    text = storage?.getItem(SANDBOX_KEY) ?? null;
  } catch {
    return { kind: "empty" };
  }
  if (text === null) return { kind: "empty" };
  const read = readRunJson(text, "your saved sandbox");
  // A reload restores the work paused: nothing moves before the user says so.
  return read.ok
    ? { kind: "ok", run: { ...read.run, playing: false } }
    : { kind: "unreadable", problem: read.problem };
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface AutosaveOptions {
  storage: KeyValueStorage;
  /** Quiet time before a save. */
  delayMs?: number;
  /** A run that never stops changing is still saved this often. */
  maxWaitMs?: number;
  timers?: Timers;
  onError?: (message: string) => void;
}

export interface WatchOptions {
  /** False for a run opened from a link: it is saved only once the user acts in it. */
  adopted: boolean;
  /** Called once, when a run that was not adopted becomes the sandbox. */
  onAdopt?: () => void;
}

export interface Autosave {
  /** Watches the current run; returns the function that stops watching (saving what is due). */
  watch(scenario: Scenario, store: SimStoreApi, options: WatchOptions): () => void;
  /** Saves now if a save is due. */
  flush(): void;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { storage, delayMs = 1000, maxWaitMs = 5000, timers = realTimers, onError } = options;
  let pending: (() => void) | null = null;
  let quiet: unknown = null;
  let longest: unknown = null;

  const cancel = (): void => {
    if (quiet !== null) timers.clear(quiet);
    if (longest !== null) timers.clear(longest);
    quiet = longest = null;
  };
  const flush = (): void => {
    const save = pending;
    cancel();
    pending = null;
    save?.();
  };

  return {
    flush,
    watch(scenario, store, { adopted, onAdopt }) {
      let owned = adopted;
      const opened = store.getState().run.commands;
      const openedCount = opened.length;
      const save = (): void => {
        const json = runJson(snapshotOf(scenario, store));
        if (!json.ok) {
          onError?.(`Your sandbox could not be saved: ${json.message}.`);
          return;
        }
        try {
          storage.setItem(SANDBOX_KEY, json.json);
        } catch (e) {
          const why = e instanceof Error ? e.message : "refused";
          onError?.(`Your sandbox could not be saved in this browser's storage (${why}).`);
        }
      };
      const changed = (): void => {
        if (!owned) {
          // Issuing a command replaces the run's command list: the user has acted here.
          const now = store.getState().run.commands;
          if (now === opened && now.length === openedCount) return;
          owned = true;
          onAdopt?.();
        }
        pending = save;
        if (quiet !== null) timers.clear(quiet);
        quiet = timers.set(flush, delayMs);
        if (longest === null) longest = timers.set(flush, maxWaitMs);
      };
      if (owned) changed();
      const unsubscribe = store.subscribe(changed);
      return () => {
        unsubscribe();
        if (pending === save) flush();
      };
    },
  };
}

/** The browser's localStorage, or null where it is refused (some privacy settings, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
