import { useRef } from "react";
import type { SimStore } from "../store/index.ts";
import { useSim } from "./SimContext.tsx";

/**
 * `next`, with every part that equals the same part of `previous` replaced by that previous
 * part: the previous value itself when nothing changed, otherwise a new value that still shares
 * its unchanged rows and fields (so memoized children of a list skip their render). Plain data
 * only (arrays, plain objects, primitives), which is what selectors build from the engine state.
 */
export function keepUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (typeof previous !== "object" || typeof next !== "object" || !previous || !next) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    let same = previous.length === next.length;
    const out = next.map((item: unknown, i) => {
      const kept = i < previous.length ? keepUnchanged(previous[i], item) : item;
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : out) as T;
  }
  if (Array.isArray(previous) || !isPlain(next) || !isPlain(previous)) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const kept = k in before ? keepUnchanged(before[k], after[k]) : after[k];
    if (kept !== before[k] || !(k in before)) same = false;
    out[k] = kept;
  }
  return (same ? previous : out) as T;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Like useSim, for selectors that build new arrays or objects from the engine state (which the
 * engine mutates in place): the previous value is kept while it is equal, part by part, so a
 * view re-renders only when what it draws changed, not on every frame, and a changed list
 * keeps the objects of its unchanged items. A walk of the value, without building strings.
 *
 * With `playingEvery`, a costly selector runs only every that many frames while the
 * simulation plays (still on every change while paused: a step or a seek shows at once).
 */
export function useSimStable<T>(
  selector: (s: SimStore) => T,
  options: { playingEvery?: number } = {},
): T {
  const previous = useRef<{ value: T; frame: number } | null>(null);
  const every = options.playingEvery ?? 1;
  return useSim((s) => {
    const kept = previous.current;
    if (kept && s.playing && s.frame >= kept.frame && s.frame - kept.frame < every)
      return kept.value;
    const next = selector(s);
    const value = kept ? keepUnchanged(kept.value, next) : next;
    previous.current = { value, frame: s.frame };
    return value;
  });
}
