// Wires "pause when" breakpoints to a running simulation: a subscription beside the sim store
// (which knows nothing of it) looks at the events each frame added, and on a hit pauses and
// seeks back to the virtual time of the event, since a frame at high speed overshoots it.

import { createStore, type StoreApi } from "zustand/vanilla";
import { explain } from "../engine/index.ts";
import {
  breakpointNotice,
  breakpointReason,
  firstBreakpointHit,
  type BreakpointHit,
  type BreakpointKind,
} from "./breakpoints.ts";
import type { SimStoreApi } from "./simStore.ts";

export interface BreakpointNotice {
  /** Virtual time playback stopped at (the event's own time). */
  time: number;
  /** The whole notice in one sentence. */
  text: string;
  /** Its parts: why ("a leader changed") and what happened, in the feed's words. */
  reason: string;
  detail: string;
  hit: BreakpointHit;
}

export interface BreakpointStore {
  active: BreakpointKind[];
  /** Why playback last stopped; cleared when it plays again. */
  notice: BreakpointNotice | null;
  setActive: (kind: BreakpointKind, on: boolean) => void;
  dismiss: () => void;
}

export type BreakpointStoreApi = StoreApi<BreakpointStore>;

export function createBreakpointStore(active: BreakpointKind[] = []): BreakpointStoreApi {
  return createStore<BreakpointStore>()((set) => ({
    active,
    notice: null,
    setActive: (kind, on) =>
      set((s) => ({
        active: on
          ? s.active.includes(kind)
            ? s.active
            : [...s.active, kind]
          : s.active.filter((k) => k !== kind),
      })),
    dismiss: () => set({ notice: null }),
  }));
}

export interface WatchOptions {
  /**
   * The store whose playback stops (and whose time controls the watched one follows): the
   * left side of a comparison for its right side. The watched store itself by default.
   */
  driver?: SimStoreApi;
  /** Which simulation a hit happened in, for the notice ("on the right (acks=all)"). */
  where?: string;
}

/** Starts watching; returns the function that stops it. */
export function watchBreakpoints(
  sim: SimStoreApi,
  breakpoints: BreakpointStoreApi,
  { driver = sim, where }: WatchOptions = {},
): () => void {
  // Virtual time up to which the trace has been looked at.
  let checked = sim.getState().run.state.time;
  let stopping = false;
  return sim.subscribe((s) => {
    if (stopping) return;
    const now = s.run.state.time;
    const playing = driver.getState().playing;
    if (playing && breakpoints.getState().notice) breakpoints.setState({ notice: null });
    // Only playback stops at a breakpoint; a step, a seek or a rewind just moves the mark.
    if (!playing || now <= checked) {
      checked = now;
      return;
    }
    const hit = firstBreakpointHit(s.run.events, checked, now, breakpoints.getState().active);
    if (!hit) {
      checked = now;
      return;
    }
    checked = hit.event.time;
    stopping = true;
    try {
      driver.getState().pause();
      if (now > hit.event.time) driver.getState().seek(hit.event.time);
    } finally {
      stopping = false;
    }
    breakpoints.setState({
      notice: {
        time: hit.event.time,
        text: breakpointNotice(hit, where),
        reason: breakpointReason(hit, where),
        detail: explain(hit.event),
        hit,
      },
    });
  });
}
