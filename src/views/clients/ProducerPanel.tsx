import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";

export function ProducerPanel({ id }: { id: string }) {
  const p = useSim(
    useShallow((s) => {
      const pr = s.run.state.producers[id]!;
      return {
        topic: pr.topic,
        acks: String(pr.config.acks),
        idempotent: pr.config.enableIdempotence,
        rate: pr.ratePerSec,
        sent: pr.sent,
        acknowledged: pr.acknowledged,
        failed: pr.failed,
        errors: Object.entries(pr.errors)
          .map(([k, v]) => `${k} ×${v}`)
          .join(", "),
      };
    }),
  );
  return (
    <section className="producer" aria-label={`Producer ${id}`}>
      <h3>
        Producer {id} <span className="muted">→ {p.topic}</span>
      </h3>
      <p className="muted">
        acks={p.acks} · {p.idempotent ? "idempotent" : "not idempotent"} · {p.rate} records/s
      </p>
      <dl className="counts">
        <dt>sent</dt>
        <dd>{p.sent}</dd>
        <dt>acknowledged</dt>
        <dd>{p.acknowledged}</dd>
        <dt>failed</dt>
        <dd>{p.failed}</dd>
      </dl>
      {p.errors && <p className="errors">Errors: {p.errors}</p>}
    </section>
  );
}
