// "Pause when" breakpoints: which trace events stop playback, as pure functions over the trace.
// The watcher (breakpointWatcher.ts) feeds them the events that appeared since its last look.

import { explain, type SimEvent } from "../engine/index.ts";

export type BreakpointKind = "leaderChange" | "recordLost" | "rebalanceStart" | "isrShrink";

export interface BreakpointOption {
  kind: BreakpointKind;
  /** Completes "Pause when ...". */
  label: string;
}

/** In the order a teacher meets them; labels complete the sentence "Pause when". */
export const BREAKPOINT_OPTIONS: readonly BreakpointOption[] = [
  { kind: "leaderChange", label: "a leader changes" },
  { kind: "recordLost", label: "a record is lost" },
  { kind: "rebalanceStart", label: "a rebalance starts" },
  { kind: "isrShrink", label: "the ISR shrinks" },
];

/** Which breakpoint an event trips, if any (the first of `active` it matches). */
export function breakpointOf(
  event: SimEvent,
  active: readonly BreakpointKind[],
): BreakpointKind | null {
  for (const kind of active) if (matches(event, kind)) return kind;
  return null;
}

function matches(event: SimEvent, kind: BreakpointKind): boolean {
  switch (kind) {
    case "leaderChange":
      // A topic's first leaders are not a change; a partition left without one is.
      return (
        (event.type === "leaderElected" && event.election !== "initial") ||
        event.type === "partitionOffline"
      );
    case "recordLost":
      return event.type === "recordsLost";
    case "rebalanceStart":
      return event.type === "rebalanceStarted";
    case "isrShrink":
      return event.type === "isrShrunk";
  }
}

export interface BreakpointHit {
  kind: BreakpointKind;
  event: SimEvent;
}

/**
 * The first event with `after < time <= until` that trips an active breakpoint. Events at
 * `after` itself are not looked at: after a pause at time T the watcher resumes from T, so the
 * event it stopped at (and the others of that same moment) cannot stop it again.
 */
export function firstBreakpointHit(
  events: readonly SimEvent[],
  after: number,
  until: number,
  active: readonly BreakpointKind[],
): BreakpointHit | null {
  if (active.length === 0) return null;
  // The trace is in time order: walk back to the first event after `after`, then forward.
  let i = events.length;
  while (i > 0 && events[i - 1]!.time > after) i--;
  for (; i < events.length; i++) {
    const event = events[i]!;
    if (event.time > until) break;
    const kind = breakpointOf(event, active);
    if (kind) return { kind, event };
  }
  return null;
}

const PAUSED_BECAUSE: Record<BreakpointKind, string> = {
  leaderChange: "a leader changed",
  recordLost: "a record was lost",
  rebalanceStart: "a rebalance started",
  isrShrink: "the ISR shrank",
};

/**
 * Why playback stopped ("a leader changed"), and where when it matters ("on the right
 * (acks=all)": the compare page watches two runs).
 */
export function breakpointReason(hit: BreakpointHit, where?: string): string {
  return where ? `${PAUSED_BECAUSE[hit.kind]} ${where}` : PAUSED_BECAUSE[hit.kind];
}

/** The notice shown when playback stops: why, then what happened, in the feed's words. */
export function breakpointNotice(hit: BreakpointHit, where?: string): string {
  return `Paused because ${breakpointReason(hit, where)}: ${explain(hit.event)}`;
}
