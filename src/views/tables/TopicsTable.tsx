import type { SimState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import { DataTable, type Column } from "./DataTable.tsx";

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

const COLUMNS: readonly Column<Row>[] = [
  { header: "Topic", cell: (r) => r.topic },
  { header: "Partition", cell: (r) => r.partition },
  { header: "Leader", cell: (r) => r.leader },
  { header: "Replicas", cell: (r) => r.replicas },
  { header: "ISR", cell: (r) => r.isr },
  { header: "Leader epoch", cell: (r) => r.leaderEpoch },
  { header: "LEO", cell: (r) => r.logEndOffset },
  { header: "HW", cell: (r) => r.highWatermark },
];

export function TopicsTable() {
  const rows = useSimStable((s) => describeTopics(s.run.state));
  return (
    <DataTable
      caption="Topics"
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => `${r.topic}-${r.partition}`}
      rowClass={(r) => (r.leader.startsWith("none") ? "offline" : undefined)}
    />
  );
}
