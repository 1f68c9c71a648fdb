import type { ProducerState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import { ProduceForm } from "./ProduceForm.tsx";
import { ProducerQueue } from "./ProducerQueue.tsx";
import { ProducerSettings } from "./ProducerSettings.tsx";
import { describeKeys } from "./keyPresets.ts";
import "./clients.css";

/** One shared formatter: building one per call costs more than the whole panel's render. */
const NUMBER = new Intl.NumberFormat("en");

/** What the panel's head says: it changes with a command, not with every record. */
function producerView(pr: ProducerState) {
  return {
    topic: pr.topic,
    acks: String(pr.config.acks),
    idempotent: pr.config.enableIdempotence,
    rate: pr.ratePerSec,
    running: pr.running,
    keys: describeKeys(pr.keys, pr.keyDistribution),
  };
}

function producerCounts(pr: ProducerState) {
  return {
    sent: pr.sent,
    acknowledged: pr.acknowledged,
    failed: pr.failed,
    // Kafka's exception names, most frequent first.
    errors: Object.entries(pr.errors).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}

/** The counts, which move on every frame while the producer sends: only they render then. */
function ProducerCounts({ id }: { id: string }) {
  const c = useSimStable((s) => producerCounts(s.run.state.producers[id]!));
  return (
    <>
      <dl className="counts client-counts">
        <dt>sent</dt>
        <dd>{NUMBER.format(c.sent)}</dd>
        <dt>acknowledged</dt>
        <dd>{NUMBER.format(c.acknowledged)}</dd>
        <dt>failed</dt>
        <dd className={c.failed > 0 ? "alarm" : undefined}>{NUMBER.format(c.failed)}</dd>
      </dl>
      {c.errors.length > 0 && (
        <ul className="errors error-names" aria-label={`Errors of producer ${id}`}>
          {c.errors.map(([name, count]) => (
            <li key={name}>
              {name} ×{NUMBER.format(count)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ProducerPanel({ id }: { id: string }) {
  const p = useSimStable((s) => producerView(s.run.state.producers[id]!));
  const sending = p.running && p.rate > 0;
  return (
    <section className="client-panel producer" aria-label={`Producer ${id}`}>
      <header className="client-header">
        <h3>
          Producer {id} <span className="muted">→ {p.topic}</span>
        </h3>
        <span className={`badge ${sending ? "state-ok" : "state-idle"}`}>
          {sending ? "sending" : "stopped"}
        </span>
      </header>
      <p className="muted client-summary">
        acks={p.acks} · {p.idempotent ? "idempotent" : "not idempotent"} · {p.rate} records/s ·{" "}
        {p.keys}
      </p>
      <ProducerCounts id={id} />
      <ProducerQueue id={id} />
      <ProducerSettings id={id} />
      <ProduceForm id={id} />
    </section>
  );
}
