import type { SimEvent } from "../../store/index.ts";
import { KIND_OF, type FeedKind } from "./eventKinds.ts";

/** Index of the first event later than `t` (events are in time order). */
export function firstAfter(events: readonly SimEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The newest `limit` events up to `now` of the chosen kinds, newest first: the notable ones
 * from the history, merged with the per-record detail of the recent trace when asked for.
 */
export function feedLines(
  history: readonly SimEvent[],
  recent: readonly SimEvent[],
  now: number,
  kinds: ReadonlySet<FeedKind>,
  limit: number,
): SimEvent[] {
  const out: SimEvent[] = [];
  let h = firstAfter(history, now) - 1;
  let r = kinds.has("detail") ? firstAfter(recent, now) - 1 : -1;
  const nextDetail = (): SimEvent | undefined => {
    while (r >= 0 && KIND_OF[recent[r]!.type] !== "detail") r--;
    return r >= 0 ? recent[r] : undefined;
  };
  const nextNotable = (): SimEvent | undefined => {
    while (h >= 0 && !kinds.has(KIND_OF[history[h]!.type])) h--;
    return h >= 0 ? history[h] : undefined;
  };
  while (out.length < limit) {
    const a = nextNotable();
    const b = nextDetail();
    if (!a && !b) break;
    if (a && (!b || a.time >= b.time)) {
      out.push(a);
      h--;
    } else {
      out.push(b!);
      r--;
    }
  }
  return out;
}
