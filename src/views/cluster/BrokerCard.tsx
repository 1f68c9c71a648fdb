import { useShallow } from "zustand/react/shallow";
import type { SimState } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

export interface ReplicaSummary {
  partition: string;
  role: "leader" | "in sync" | "out of sync" | "offline";
  logEndOffset: number;
  highWatermark: number;
}

/** What one broker hosts, as the controller's metadata and the broker's own log say. */
export function replicasOn(state: SimState, brokerId: number): ReplicaSummary[] {
  const out: ReplicaSummary[] = [];
  const broker = state.brokers[String(brokerId)];
  for (const t of Object.values(state.topics)) {
    // Internal topics (__consumer_offsets: 50 partitions) would bury the lesson's own.
    if (t.internal) continue;
    for (const p of t.partitions) {
      const r = p.replicaStates[String(brokerId)];
      if (!r) continue;
      const role: ReplicaSummary["role"] =
        broker?.status !== "online"
          ? "offline"
          : p.leader === brokerId
            ? "leader"
            : p.isr.includes(brokerId)
              ? "in sync"
              : "out of sync";
      out.push({
        partition: `${p.topic}-${p.partition}`,
        role,
        logEndOffset: r.logEndOffset,
        highWatermark: r.highWatermark,
      });
    }
  }
  return out;
}

const ROLE_MARK: Record<ReplicaSummary["role"], string> = {
  leader: "★",
  "in sync": "●",
  "out of sync": "◐",
  offline: "✕",
};

export function BrokerCard({ id }: { id: number }) {
  const { status, isolated, fenced, controller } = useSim(
    useShallow((s) => {
      const b = s.run.state.brokers[String(id)]!;
      return {
        status: b.status,
        isolated: b.isolated,
        fenced: b.fenced,
        controller: s.run.state.controller.active === id,
      };
    }),
  );
  const replicas = useSim(
    useShallow((s) =>
      replicasOn(s.run.state, id).map(
        (r) => `${r.partition}|${r.role}|${r.logEndOffset}|${r.highWatermark}`,
      ),
    ),
  );
  const issue = useSim((s) => s.issue);
  const online = status === "online";
  return (
    <section
      className={`broker broker-${status}${isolated ? " broker-isolated" : ""}`}
      aria-label={`Broker ${id}`}
    >
      <header>
        <h3>Broker {id}</h3>
        <span className="badges">
          <span className={`badge status-${status}`}>{online ? "online" : "offline"}</span>
          {controller && <span className="badge controller">controller</span>}
          {isolated && <span className="badge isolated">isolated</span>}
          {fenced && online && <span className="badge fenced">fenced</span>}
        </span>
      </header>
      <ul className="replicas">
        {replicas.map((key) => {
          const [partition, role, leo, hw] = key.split("|") as [
            string,
            ReplicaSummary["role"],
            string,
            string,
          ];
          return (
            <li key={partition} className={`replica role-${role.replace(/ /g, "-")}`}>
              <span className="mark" aria-hidden="true">
                {ROLE_MARK[role]}
              </span>
              <span className="name">{partition}</span>
              <span className="role">{role}</span>
              <span className="offsets">
                LEO {leo} · HW {hw}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        {online ? (
          <>
            <button type="button" onClick={() => issue({ type: "killBroker", broker: id })}>
              Kill broker {id}
            </button>
            <button type="button" onClick={() => issue({ type: "shutdownBroker", broker: id })}>
              Shut down broker {id}
            </button>
            <button
              type="button"
              onClick={() => issue({ type: isolated ? "healBroker" : "isolateBroker", broker: id })}
            >
              {isolated ? `Heal broker ${id}` : `Isolate broker ${id}`}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => issue({ type: "restartBroker", broker: id })}>
            Restart broker {id}
          </button>
        )}
      </div>
    </section>
  );
}
