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

/** Starts watching; returns the function that stops it. */
export function watchBreakpoints(sim: SimStoreApi, breakpoints: BreakpointStoreApi): () => void {
  // Virtual time up to which the trace has been looked at.
  let checked = sim.getState().run.state.time;
  let stopping = false;
  return sim.subscribe((s) => {
    if (stopping) return;
    const now = s.run.state.time;
    if (s.playing && breakpoints.getState().notice) breakpoints.setState({ notice: null });
    // Only playback stops at a breakpoint; a step, a seek or a rewind just moves the mark.
    if (!s.playing || now <= checked) {
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
      s.pause();
      if (now > hit.event.time) s.seek(hit.event.time);
    } finally {
      stopping = false;
    }
    breakpoints.setState({
      notice: {
        time: hit.event.time,
        text: breakpointNotice(hit),
        reason: breakpointReason(hit),
        detail: explain(hit.event),
        hit,
      },
    });
  });
}
