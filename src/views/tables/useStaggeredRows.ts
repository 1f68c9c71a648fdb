import { useMemo, useSyncExternalStore } from "react";
import type { SimStore, SimStoreApi } from "../../store/index.ts";
import { useSimApi } from "../SimContext.tsx";

/**
 * Rows derived from the store for a big table: on every change while paused (a step or a seek
 * shows at once), but spread out while the simulation plays. Every `frames` frames the rows are
 * read anew, and each frame then brings one `frames`-th of them up to date (every `frames`-th
 * row), so that a thousand rows cost a little on every frame instead of much on some: a frame
 * that lays out a whole table is a jolt. A reader cannot follow faster changes anyway.
 */
export function useStaggeredRows<R extends object>(
  select: (s: SimStore) => readonly R[],
  frames: number,
): readonly R[] {
  const api = useSimApi();
  // The selector is a module-level function, so this is made once per store and cadence.
  const source = useMemo(() => staggeredRows(api, select, frames), [api, select, frames]);
  return useSyncExternalStore(source.subscribe, source.get);
}

/** The rows behind useStaggeredRows, for useSyncExternalStore: subscribe, and get them. */
export function staggeredRows<R extends object>(
  api: SimStoreApi,
  select: (s: SimStore) => readonly R[],
  frames: number,
): { subscribe: (notify: () => void) => () => void; get: () => readonly R[] } {
  let rows = select(api.getState());
  let pending: readonly R[] = rows;
  let frame = 0;
  const update = (next: readonly R[]): boolean => {
    if (next === rows) return false;
    rows = next;
    return true;
  };
  return {
    subscribe: (notify) => {
      // What changed between the render and now is picked up here (React compares snapshots).
      update(reuseRows(rows, select(api.getState())));
      return api.subscribe((s) => {
        if (!s.playing) {
          frame = 0;
          pending = select(s);
          if (update(reuseRows(rows, pending))) notify();
          return;
        }
        const part = frame % frames;
        frame++;
        if (part === 0) pending = select(s);
        if (update(reuseRows(rows, pending, (i) => i % frames === part))) notify();
      });
    },
    get: () => rows,
  };
}

/** Whether two rows of plain fields say the same. */
function sameRow<R extends object>(a: R, b: R): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The new rows, keeping the previous objects of the rows that did not change (so that their
 * memoized table rows skip the render), or the previous array itself when no row changed.
 * With `only`, just the rows at those indexes are brought up to date (when the number of rows
 * is unchanged; otherwise all of them).
 */
export function reuseRows<R extends object>(
  previous: readonly R[],
  next: readonly R[],
  only?: (index: number) => boolean,
): readonly R[] {
  const all = !only || previous.length !== next.length;
  let changed = previous.length !== next.length;
  const out = next.map((row, i) => {
    const old = previous[i];
    if (old !== undefined && (!(all || only(i)) || sameRow(old, row))) return old;
    changed = true;
    return row;
  });
  return changed ? out : previous;
}
