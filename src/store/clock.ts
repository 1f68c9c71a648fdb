// The only code that reads wall-clock time: an animation-frame loop that advances the store's
// simulation by speed x elapsed wall time while it plays.

/** Any store the clock can drive: the simulator's, or the "Before Kafka" comparison's. */
interface Ticking {
  getState(): { playing: boolean; tick: (wallMs: number) => void };
}

/**
 * When a page defines `window.__brokerlabFrameTimes` (the frame-time benchmark does), each
 * frame's work is pushed there: the engine's advance plus React's render of the change, which
 * React flushes in a microtask queued during the advance, before the one measuring here.
 */
type FrameSink = { __brokerlabFrameTimes?: number[] };

export function startClock(store: Ticking): () => void {
  let last = performance.now();
  let handle = 0;
  const sink = (globalThis as FrameSink).__brokerlabFrameTimes;
  const frame = (now: number): void => {
    const elapsed = now - last;
    last = now;
    const start = performance.now();
    store.getState().tick(elapsed);
    if (sink && store.getState().playing)
      queueMicrotask(() => sink.push(performance.now() - start));
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
