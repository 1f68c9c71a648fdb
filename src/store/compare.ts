// Compare mode: two simulations under one clock. The left store is the one the clock and the
// time controls drive; the right follows it to the same virtual time after every change, and
// every command goes to both at that time, so the two differ only in their configuration.

import type { Command, SimulationSpec } from "../engine/index.ts";
import type { Run } from "./run.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export interface ComparePair {
  /** Driven by the clock and the time controls. */
  left: SimStoreApi;
  /** Follows the left side's virtual time. */
  right: SimStoreApi;
  /** Issues a command on both sides at the same virtual time. */
  issue: (command: Command) => void;
  /** Makes the right side follow the left one's every change; returns the function that stops it. */
  link: () => () => void;
}

export function createComparePair(
  leftSpec: SimulationSpec,
  rightSpec: SimulationSpec,
): { ok: true; pair: ComparePair } | { ok: false; errors: string[] } {
  const l = createSimStore(leftSpec);
  const r = createSimStore(rightSpec);
  if (!l.ok || !r.ok)
    return { ok: false, errors: [...(l.ok ? [] : l.errors), ...(r.ok ? [] : r.errors)] };
  const left = l.store;
  const right = r.store;
  const follow = (): void => {
    const t = left.getState().run.state.time;
    // seek goes forward by advancing and back through checkpoints, like the left side did.
    if (right.getState().run.state.time !== t) right.getState().seek(t);
  };
  return {
    ok: true,
    pair: {
      left,
      right,
      issue: (command) => {
        follow();
        left.getState().issue(command);
        right.getState().issue(command);
      },
      link: () => {
        follow();
        return left.subscribe(follow);
      },
    },
  };
}

/** What the audit of one side says, for the side-by-side view and the statement of difference. */
export interface SideSummary {
  acknowledged: number;
  /** Acknowledged records that are gone. */
  lost: number;
  duplicates: number;
  /** Batches that landed in their partition after batches their producer sent later. */
  reordered: number;
  /** Records the producers gave up on (never acknowledged). */
  failed: number;
  /** Partitions taken from members by eager or cooperative rebalances (not by crashes). */
  revoked: number;
  /** Records the consumers have processed. */
  consumed: number;
  /** The most recent losses with their causes. */
  causes: string[];
}

const CAUSES_KEPT = 2;

export function summarizeSide(run: Run): SideSummary {
  const s = run.state;
  let failed = 0;
  for (const p of Object.values(s.producers)) failed += p.failed;
  let consumed = 0;
  for (const c of Object.values(s.consumers)) consumed += c.consumed;
  // The history has the notable events up to the horizon, which may lie ahead of the moment shown.
  let revoked = 0;
  for (const e of run.history) {
    if (e.time > s.time) break;
    if (e.type === "partitionsRevoked" && e.protocol !== "lost") revoked += e.partitions.length;
  }
  return {
    acknowledged: s.audit.acknowledged,
    lost: s.audit.lost.length,
    duplicates: s.audit.duplicates.reduce((n, d) => n + d.count, 0),
    reordered: s.audit.orderViolations.length,
    failed,
    revoked,
    consumed,
    causes: s.audit.lost
      .slice(-CAUSES_KEPT)
      .map((l) => `${l.topic}-${l.partition} offset ${l.offset ?? "?"}: ${l.cause}`),
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Each measure a side can differ in, worded for a sentence about that side. */
const MEASURES: readonly { of: (s: SideSummary) => number; say: (n: number) => string }[] = [
  {
    of: (s) => s.lost,
    say: (n) => (n ? `lost ${plural(n, "acknowledged record")}` : "lost none"),
  },
  {
    of: (s) => s.duplicates,
    say: (n) => (n ? `wrote ${plural(n, "duplicate")}` : "wrote no duplicate"),
  },
  {
    of: (s) => s.reordered,
    say: (n) =>
      n ? `wrote ${n} ${n === 1 ? "batch" : "batches"} out of order` : "wrote nothing out of order",
  },
  {
    of: (s) => s.failed,
    say: (n) => (n ? `had ${plural(n, "write")} fail` : "had no write fail"),
  },
  {
    of: (s) => s.revoked,
    say: (n) => (n ? `revoked ${plural(n, "partition")} in rebalances` : "revoked no partition"),
  },
];

/** One sentence per measure the two sides differ in ("Left (acks=1) lost 12 ...; right ... none."). */
export function differences(
  left: SideSummary,
  right: SideSummary,
  labels: { left: string; right: string },
): string[] {
  const lines: string[] = [];
  for (const m of MEASURES) {
    const a = m.of(left);
    const b = m.of(right);
    if (a !== b)
      lines.push(`Left (${labels.left}) ${m.say(a)}; right (${labels.right}) ${m.say(b)}.`);
  }
  return lines;
}

/** The differences in one paragraph, or what the sides agree on when there is none yet. */
export function describeDifference(
  left: SideSummary,
  right: SideSummary,
  labels: { left: string; right: string },
): string {
  const lines = differences(left, right, labels);
  if (lines.length > 0) return lines.join(" ");
  return left.lost === 0
    ? "No difference yet: neither side has lost an acknowledged record."
    : `Both sides lost ${plural(left.lost, "acknowledged record")}.`;
}
