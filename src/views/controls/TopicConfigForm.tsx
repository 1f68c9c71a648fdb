import { useState, type FormEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";

const MINUTE = 60_000;
const RETENTION: readonly { ms: number; label: string }[] = [
  { ms: -1, label: "forever (-1)" },
  { ms: MINUTE, label: "1 minute" },
  { ms: 10 * MINUTE, label: "10 minutes" },
  { ms: 60 * MINUTE, label: "1 hour" },
  { ms: 24 * 60 * MINUTE, label: "1 day" },
  { ms: 7 * 24 * 60 * MINUTE, label: "7 days (Kafka's default)" },
];

/** min.insync.replicas, unclean.leader.election.enable and retention.ms of one topic. */
export function TopicConfigForm({ topic }: { topic: string }) {
  const t = useSim(
    useShallow((s) => {
      const c = s.run.state.topics[topic]!;
      return {
        minIsr: c.config.minInsyncReplicas,
        unclean: c.config.uncleanLeaderElectionEnable,
        retentionMs: c.config.retentionMs,
        rf: c.partitions[0]?.replicas.length ?? 0,
      };
    }),
  );
  const issue = useSim((s) => s.issue);
  const [minIsr, setMinIsr] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (minIsr === null) return;
    issue({ type: "setTopicConfig", topic, config: { minInsyncReplicas: Number(minIsr) } });
    setMinIsr(null);
  };
  const retention = RETENTION.some((r) => r.ms === t.retentionMs)
    ? RETENTION
    : [...RETENTION, { ms: t.retentionMs, label: `${t.retentionMs} ms` }];
  return (
    <fieldset className="topic-config">
      <legend>
        Topic {topic} <span className="muted">(replication factor {t.rf})</span>
      </legend>
      <form className="client-field inline" onSubmit={submit}>
        <label htmlFor={`min-isr-${topic}`}>min.insync.replicas</label>
        <input
          id={`min-isr-${topic}`}
          type="number"
          step={1}
          required
          value={minIsr ?? String(t.minIsr)}
          onChange={(e) => setMinIsr(e.target.value)}
        />
        <button type="submit" aria-label={`Set min.insync.replicas of ${topic}`}>
          Set
        </button>
      </form>
      <label className="client-field inline">
        <input
          type="checkbox"
          checked={t.unclean}
          onChange={(e) =>
            issue({
              type: "setTopicConfig",
              topic,
              config: { uncleanLeaderElectionEnable: e.target.checked },
            })
          }
        />
        <span>unclean.leader.election.enable</span>
      </label>
      <label className="client-field inline">
        <span>retention.ms</span>
        <select
          value={t.retentionMs}
          onChange={(e) =>
            issue({
              type: "setTopicConfig",
              topic,
              config: { retentionMs: Number(e.target.value) },
            })
          }
        >
          {retention.map((r) => (
            <option key={r.ms} value={r.ms}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
