import type { SimState, SimStore } from "../../store/index.ts";
import { DataTable, useRefreshFrames, type Column } from "./DataTable.tsx";
import { useStaggeredRows } from "./useStaggeredRows.ts";

type Health = "ok" | "under-replicated" | "offline";

interface Row {
  topic: string;
  partition: number;
  leader: string;
  replicas: string;
  isr: string;
  leaderEpoch: number;
  logEndOffset: string;
  highWatermark: string;
  health: Health;
}

/**
 * One row per partition, like `kafka-topics --describe`, with the leader's offsets and the
 * marks of `--under-replicated-partitions` (ISR smaller than the replica set) and
 * `--unavailable-partitions` (no leader).
 */
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
        health:
          p.leader < 0 ? "offline" : p.isr.length < p.replicas.length ? "under-replicated" : "ok",
      });
    }
  }
  return rows;
}

const HEALTH: Record<Health, { icon: string; text: string }> = {
  ok: { icon: "", text: "" },
  "under-replicated": { icon: "◐", text: "under-replicated" },
  offline: { icon: "✖", text: "offline" },
};

const selectRows = (s: SimStore): Row[] => describeTopics(s.run.state);

const COLUMNS: readonly Column<Row>[] = [
  { header: "Topic", cell: (r) => r.topic },
  { header: "Partition", cell: (r) => r.partition, numeric: true },
  { header: "Leader", cell: (r) => r.leader },
  { header: "Replicas", cell: (r) => r.replicas },
  { header: "ISR", cell: (r) => r.isr },
  { header: "Leader epoch", cell: (r) => r.leaderEpoch, numeric: true },
  { header: "LEO", cell: (r) => r.logEndOffset, numeric: true },
  { header: "HW", cell: (r) => r.highWatermark, numeric: true },
  {
    header: "Status",
    cell: (r) =>
      r.health === "ok" ? (
        "ok"
      ) : (
        <span className={`health-${r.health}`}>
          <span aria-hidden="true">{HEALTH[r.health].icon} </span>
          {HEALTH[r.health].text}
        </span>
      ),
  },
];

export function TopicsTable() {
  const rows = useStaggeredRows(selectRows, useRefreshFrames());
  return (
    <DataTable
      caption="Topics"
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => `${r.topic}-${r.partition}`}
      rowClass={(r) => (r.health === "ok" ? undefined : r.health)}
    />
  );
}
