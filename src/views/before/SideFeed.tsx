// The last few things that happened on a side, each in one plain sentence.

import { explainServicesEvent, type ServicesEvent } from "../../store/index.ts";

const SHOWN = 3;

export function SideFeed({ feed }: { feed: readonly ServicesEvent[] }) {
  const recent = feed.slice(-SHOWN).reverse();
  return (
    <ol className="side-feed" aria-label="Latest events">
      {recent.length === 0 && <li className="muted">Nothing has gone wrong yet.</li>}
      {recent.map((e, i) => (
        <li key={`${e.time}-${i}`}>
          <span className="feed-time">{(e.time / 1000).toFixed(2)} s</span>{" "}
          {explainServicesEvent(e)}
        </li>
      ))}
    </ol>
  );
}
