import { useSim } from "../SimContext.tsx";
import type { MemberRow } from "./groupView.ts";

const PROCESSING_MS = [0, 1, 5, 20, 100, 500, 2000];

/** One consumer of a group: what it owns and does, and the commands that change it. */
export function GroupMember({
  member: m,
  showStrategy,
}: {
  member: MemberRow;
  showStrategy: boolean;
}) {
  const issue = useSim((s) => s.issue);
  const gone = m.status === "crashed" || m.status === "closed";
  const paused = m.status === "paused" || m.status === "stalled";
  const times = PROCESSING_MS.includes(m.processingMs)
    ? PROCESSING_MS
    : [...PROCESSING_MS, m.processingMs].sort((a, b) => a - b);
  return (
    <li className={`member member-${m.status}${m.idle ? " member-idle" : ""}`}>
      <div className="member-line">
        <span className="member-name">
          {m.id}
          {m.leader && <span className="badge leader-badge">group leader</span>}
        </span>
        <span className="member-state">
          {m.state}
          {showStrategy && ` · ${m.strategy}`}
        </span>
      </div>
      <div className="member-partitions">
        {m.idle ? (
          <span className="idle-reason">{m.idle}</span>
        ) : m.partitions.length > 0 ? (
          <>
            <span className="sr-only">Partitions: </span>
            {m.partitions.map((p) => (
              <span key={p} className="partition-chip">
                {p}
              </span>
            ))}
          </>
        ) : (
          <span className="muted">{gone ? "owns nothing" : "no partitions yet"}</span>
        )}
      </div>
      <div className="member-actions">
        {!gone && (
          <button
            type="button"
            aria-label={`${paused ? "Resume fetching" : "Stop fetching"} ${m.id}`}
            title="consumer.pause() and resume(): it keeps polling, so it stays in the group"
            onClick={() =>
              issue({ type: paused ? "resumeConsumer" : "pauseConsumer", consumer: m.id })
            }
          >
            {paused ? "Resume fetching" : "Stop fetching"}
          </button>
        )}
        <button
          type="button"
          aria-label={`${gone ? "Restart" : "Crash"} ${m.id}`}
          onClick={() =>
            issue({ type: gone ? "restartConsumer" : "crashConsumer", consumer: m.id })
          }
        >
          {gone ? "Restart" : "Crash"}
        </button>
        {!gone && (
          <button
            type="button"
            aria-label={`Remove ${m.id}`}
            onClick={() => issue({ type: "removeConsumer", consumer: m.id })}
          >
            Remove
          </button>
        )}
        <label className="client-field inline">
          <span>Processing</span>
          <select
            aria-label={`Processing time of ${m.id}`}
            value={m.processingMs}
            onChange={(e) =>
              issue({ type: "setProcessingTime", consumer: m.id, ms: Number(e.target.value) })
            }
          >
            {times.map((ms) => (
              <option key={ms} value={ms}>
                {ms} ms/record
              </option>
            ))}
          </select>
        </label>
      </div>
    </li>
  );
}
