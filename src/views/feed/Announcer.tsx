import { useEffect, useRef } from "react";
import { explain, type SimEvent } from "../../store/index.ts";
import { useSimApi } from "../SimContext.tsx";
import { isAnnounced } from "./eventKinds.ts";
import { firstAfter } from "./feedLines.ts";

/**
 * A polite live region that says only what matters as it happens (a fault, an election, a
 * loss, an error), one line per moment, so that a screen reader is not flooded at 100x. It
 * writes to the DOM directly: nothing else renders because of it.
 */
export function Announcer() {
  const api = useSimApi();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const { run } = api.getState();
    let seenUpTo = run.state.time;
    // The newest event already considered: a command adds events at the current moment, so
    // time alone cannot tell what is new.
    let lastSeen: SimEvent | undefined = run.history[firstAfter(run.history, seenUpTo) - 1];
    return api.subscribe((s) => {
      const now = s.run.state.time;
      const history = s.run.history;
      const end = firstAfter(history, now);
      const newestNow = history[end - 1];
      // Going back in time (a seek, a step back) announces nothing: it is not news.
      if (now < seenUpTo) {
        seenUpTo = now;
        lastSeen = newestNow;
        return;
      }
      let newest: SimEvent | undefined;
      let more = 0;
      for (let i = end - 1; i >= 0; i--) {
        const e = history[i]!;
        if (e === lastSeen || e.time < seenUpTo) break;
        if (!isAnnounced(e)) continue;
        if (newest) more++;
        else newest = e;
      }
      seenUpTo = now;
      lastSeen = newestNow;
      if (newest && ref.current)
        ref.current.textContent = `${explain(newest)}${more > 0 ? ` (and ${more} more)` : ""}`;
    });
  }, [api]);
  // role="status": polite and atomic, so one whole line is read after what is being read now.
  return <p ref={ref} role="status" aria-label="Latest event" className="sr-only" />;
}
