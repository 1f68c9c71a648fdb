import { useShallow } from "zustand/react/shallow";
import type { SimState } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

interface Row {
  topic: string;
  partition: number;
  leader: string;
  replicas: string;
  isr: string;
  leaderEpoch: number;
  logEndOffset: string;
  highWatermark: string;
}

/** One row per partition, like `kafka-topics --describe`, with the leader's offsets. */
export function describeTopics(state: SimState): Row[] {
  const rows: Row[] = [];
  for (const t of Object.values(state.topics)) {
    if (t.internal) continue;
    for (const p of t.partitions) {
      const leader = p.leader >= 0 ? p.replicaStates[String(p.leader)] : undefined;
      rows.push({
        topic: t.name,
        partition: p.partition,
        leader: p.leader >= 0 ? String(p.leader) : "none (offline)",
        replicas: p.replicas.join(","),
        isr: p.isr.join(","),
        leaderEpoch: p.leaderEpoch,
        logEndOffset: leader ? String(leader.logEndOffset) : "–",
        highWatermark: leader ? String(leader.highWatermark) : "–",
      });
    }
  }
  return rows;
}

export function TopicsTable() {
  const rows = useSim(useShallow((s) => describeTopics(s.run.state).map((r) => JSON.stringify(r))));
  return (
    <table className="data">
      <caption>Topics</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Partition</th>
          <th scope="col">Leader</th>
          <th scope="col">Replicas</th>
          <th scope="col">ISR</th>
          <th scope="col">Leader epoch</th>
          <th scope="col">LEO</th>
          <th scope="col">HW</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((json) => {
          const r = JSON.parse(json) as Row;
          return (
            <tr
              key={`${r.topic}-${r.partition}`}
              className={r.leader.startsWith("none") ? "offline" : undefined}
            >
              <td>{r.topic}</td>
              <td>{r.partition}</td>
              <td>{r.leader}</td>
              <td>{r.replicas}</td>
              <td>{r.isr}</td>
              <td>{r.leaderEpoch}</td>
              <td>{r.logEndOffset}</td>
              <td>{r.highWatermark}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
