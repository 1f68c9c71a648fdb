import type { SimState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";

const CAUSES_SHOWN = 5;

/**
 * The auditor's findings so far, read straight from the state on every frame (cheap): losses
 * are recorded where the engine makes them happen (an election without the record, a
 * truncation), so the panel does not need the full sweep of `audit()` sixty times a second.
 */
function findings(state: SimState) {
  const a = state.audit;
  let redelivered = 0;
  for (const g of Object.values(state.groups)) redelivered += g.redelivered.count;
  return {
    acknowledged: a.acknowledged,
    lost: a.lost.length,
    duplicates: a.duplicates.reduce((n, d) => n + d.count, 0),
    reorders: a.orderViolations.length,
    redelivered,
    causes: a.lost
      .slice(-CAUSES_SHOWN)
      .map(
        (l) =>
          `${l.topic}-${l.partition} offset ${l.offset ?? "?"} (key ${l.key ?? "null"}): ${l.cause}`,
      ),
  };
}

/** The ground truth a real cluster cannot show: which acknowledged records are gone, and why. */
export function AuditPanel() {
  const report = useSimStable((s) => findings(s.run.state));
  return (
    <section className="audit" aria-label="Audit">
      <h2>Audit</h2>
      <dl className="counts">
        <dt>acknowledged</dt>
        <dd>{report.acknowledged}</dd>
        <dt>lost</dt>
        <dd className={report.lost > 0 ? "alarm" : undefined}>{report.lost}</dd>
        <dt>duplicates</dt>
        <dd>{report.duplicates}</dd>
        <dt>out of order</dt>
        <dd>{report.reorders}</dd>
        <dt>redelivered</dt>
        <dd>{report.redelivered}</dd>
      </dl>
      {report.causes.length > 0 && (
        <ul className="causes">
          {report.causes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
