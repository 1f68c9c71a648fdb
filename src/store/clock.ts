// The only code that reads wall-clock time: an animation-frame loop that advances the store's
// simulation by speed x elapsed wall time while it plays.

import type { SimStoreApi } from "./simStore.ts";

export function startClock(store: SimStoreApi): () => void {
  let last = performance.now();
  let handle = 0;
  const frame = (now: number): void => {
    const elapsed = now - last;
    last = now;
    store.getState().tick(elapsed);
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
