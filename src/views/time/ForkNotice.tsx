import { useEffect } from "react";
import { useSim } from "../SimContext.tsx";
import { formatMoment } from "./timeFormat.ts";

/** How long the notice stays, in wall time; it can be dismissed sooner. */
const SHOWN_MS = 10_000;

/** Says, briefly, that a command issued in the past replaced the later history. */
export function ForkNotice() {
  const fork = useSim((s) => s.fork);
  const dismiss = useSim((s) => s.dismissFork);
  useEffect(() => {
    if (!fork) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [fork, dismiss]);
  return (
    <div role="status" className="fork-notice-area">
      {fork && (
        <p className="fork-notice">
          <span aria-hidden="true">✂ </span>Forked at {formatMoment(fork.at)}: the later history (to{" "}
          {formatMoment(fork.discardedTo)}) was discarded.{" "}
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
