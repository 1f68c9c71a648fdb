import { useShallow } from "zustand/react/shallow";
import { audit } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

/** The ground truth a real cluster cannot show: which acknowledged records are gone, and why. */
export function AuditPanel() {
  const report = useSim(
    useShallow((s) => {
      const a = audit(s.run.state);
      return {
        acknowledged: a.acknowledged,
        lost: a.lost.length,
        duplicates: a.duplicates.reduce((n, d) => n + d.count, 0),
        reorders: a.orderViolations.length,
        causes: a.lost
          .slice(0, 5)
          .map(
            (l) =>
              `${l.topic}-${l.partition} offset ${l.offset ?? "?"} (key ${l.key ?? "null"}): ${l.cause}`,
          )
          // One string, so the shallow comparison sees equal values between frames.
          .join("\n"),
      };
    }),
  );
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
      </dl>
      {report.causes && (
        <ul className="causes">
          {report.causes.split("\n").map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
