import { summarizeSide, type SimStoreApi } from "../../store/index.ts";
import { SimContext, useSim } from "../SimContext.tsx";
import { TopicsTable } from "../tables/TopicsTable.tsx";
import { useSimStable } from "../useSimStable.ts";
import "./compare.css";

/** A count of harm done is an alarm as soon as it is not zero. */
const harm = (n: number): string | undefined => (n > 0 ? "alarm" : undefined);

function SideAudit() {
  const summary = useSimStable((s) => summarizeSide(s.run));
  const hasGroups = useSim((s) => Object.keys(s.run.state.groups).length > 0);
  return (
    <>
      <dl className="compare-audit" aria-label="Audit">
        <div>
          <dt>acknowledged</dt>
          <dd>{summary.acknowledged}</dd>
        </div>
        <div className={summary.lost > 0 ? "lost alarm" : "lost"}>
          <dt>lost</dt>
          <dd>{summary.lost}</dd>
        </div>
        <div className={harm(summary.duplicates)}>
          <dt>duplicates</dt>
          <dd>{summary.duplicates}</dd>
        </div>
        <div
          className={harm(summary.reordered)}
          title="Batches that landed after batches their producer sent later"
        >
          <dt>reordered</dt>
          <dd>{summary.reordered}</dd>
        </div>
        <div>
          <dt>writes failed</dt>
          <dd>{summary.failed}</dd>
        </div>
        {hasGroups && (
          <>
            <div>
              <dt>partitions revoked</dt>
              <dd>{summary.revoked}</dd>
            </div>
            <div>
              <dt>consumed</dt>
              <dd>{summary.consumed}</dd>
            </div>
          </>
        )}
      </dl>
      <BrokerStrip />
      {summary.causes.length > 0 && (
        <ul className="causes" aria-label="Latest losses and their causes">
          {summary.causes.map((c) => (
            <li key={c}>{c}</li>
          ))}
          {summary.lost > summary.causes.length && (
            <li className="more">and {summary.lost - summary.causes.length} more</li>
          )}
        </ul>
      )}
    </>
  );
}

/** Which brokers are up, and how many partitions each leads: the picture in one line. */
function BrokerStrip() {
  const brokers = useSimStable((s) => {
    const state = s.run.state;
    return Object.values(state.brokers).map((b) => {
      let leads = 0;
      for (const t of Object.values(state.topics))
        if (!t.internal) for (const p of t.partitions) if (p.leader === b.id) leads++;
      return { id: b.id, up: b.status === "online", leads };
    });
  });
  return (
    <ul className="broker-strip" aria-label="Brokers">
      {brokers.map((b) => (
        <li key={b.id} className={b.up ? "up" : "down"}>
          <span aria-hidden="true">{b.up ? "●" : "✕"}</span> Broker {b.id}{" "}
          <span className="state">
            {b.up ? "online" : "offline"}
            {b.leads > 0 && `, leads ${b.leads}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SideError() {
  const error = useSim((s) => s.error);
  return error ? (
    <p role="alert" className="error-banner">
      {error}
    </p>
  ) : null;
}

/** One configuration of the comparison: its audit first, then the state of its cluster. */
export function CompareSide({
  store,
  side,
  label,
}: {
  store: SimStoreApi;
  side: "Left" | "Right";
  label: string;
}) {
  return (
    <SimContext.Provider value={store}>
      <section className="compare-side" aria-label={`${side}: ${label}`}>
        <h2>
          <span className="side-name">{side}</span> <code>{label}</code>
        </h2>
        <SideAudit />
        <SideError />
        <div className="compare-table">
          <TopicsTable />
        </div>
      </section>
    </SimContext.Provider>
  );
}
