import { groupOffsets, type SimState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import { DataTable, type Column } from "./DataTable.tsx";

interface Row {
  group: string;
  groupState: string;
  generation: number;
  topic: string;
  partition: number;
  owner: string;
  committed: string;
  logEndOffset: number;
  lag: string;
}

/** One row per group and partition, like `kafka-consumer-groups --describe`. */
export function describeGroups(state: SimState): Row[] {
  const rows: Row[] = [];
  for (const g of Object.values(state.groups).sort((a, b) => (a.groupId < b.groupId ? -1 : 1))) {
    for (const o of groupOffsets(state, g.groupId)) {
      rows.push({
        group: g.groupId,
        groupState: g.state,
        generation: g.generation,
        topic: o.topic,
        partition: o.partition,
        owner: o.owner ?? "–",
        committed: o.committed === null ? "–" : String(o.committed),
        logEndOffset: o.logEndOffset,
        lag: o.lag === null ? "–" : String(o.lag),
      });
    }
  }
  return rows;
}

const COLUMNS: readonly Column<Row>[] = [
  { header: "Group", cell: (r) => r.group },
  { header: "State", cell: (r) => `${r.groupState} (gen ${r.generation})` },
  { header: "Topic", cell: (r) => r.topic },
  { header: "Partition", cell: (r) => r.partition },
  { header: "Consumer", cell: (r) => r.owner },
  { header: "Committed", cell: (r) => r.committed },
  { header: "Log end", cell: (r) => r.logEndOffset },
  { header: "Lag", cell: (r) => r.lag },
];

export function GroupsTable() {
  const rows = useSimStable((s) => describeGroups(s.run.state));
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Consumer groups"
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => `${r.group}-${r.topic}-${r.partition}`}
    />
  );
}
