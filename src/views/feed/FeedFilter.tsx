import { FEED_KINDS, type FeedKind } from "./eventKinds.ts";

/** Which kinds of events the feed shows: a folded list of checkboxes, so it costs one line. */
export function FeedFilter({
  chosen,
  onChange,
}: {
  chosen: ReadonlySet<FeedKind>;
  onChange: (next: ReadonlySet<FeedKind>) => void;
}) {
  const toggle = (kind: FeedKind, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(kind);
    else next.delete(kind);
    onChange(next);
  };
  const hidden = FEED_KINDS.filter((k) => !chosen.has(k.kind)).map((k) => k.label);
  return (
    <details className="feed-filter">
      <summary>
        Filter: {hidden.length === 0 ? "showing every kind" : `hiding ${hidden.join(", ")}`}
      </summary>
      <fieldset>
        <legend className="sr-only">Kinds of events to show</legend>
        {FEED_KINDS.map(({ kind, label }) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={chosen.has(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
