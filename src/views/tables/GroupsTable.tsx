import { groupOffsets, type SimState, type SimStore } from "../../store/index.ts";
import { DataTable, useRefreshFrames, type Column } from "./DataTable.tsx";
import { useStaggeredRows } from "./useStaggeredRows.ts";

interface Row {
  group: string;
  topic: string;
  partition: number;
  committed: string;
  logEndOffset: number;
  lag: string;
  memberId: string;
  clientId: string;
  groupState: string;
}

/**
 * One row per group and partition, like `kafka-consumer-groups --describe`: CURRENT-OFFSET is
 * the committed offset, LOG-END-OFFSET what a consumer can read (the HW), CONSUMER-ID the
 * member id the coordinator gave, CLIENT-ID the consumer's own name. The simulation has no
 * hosts, so HOST is left out.
 */
export function describeGroups(state: SimState): Row[] {
  const rows: Row[] = [];
  for (const g of Object.values(state.groups).sort((a, b) => (a.groupId < b.groupId ? -1 : 1))) {
    const memberOf: Record<string, string> = {};
    for (const m of Object.values(g.members)) memberOf[m.consumer] = m.memberId;
    for (const o of groupOffsets(state, g.groupId)) {
      rows.push({
        group: g.groupId,
        topic: o.topic,
        partition: o.partition,
        committed: o.committed === null ? "–" : String(o.committed),
        logEndOffset: o.logEndOffset,
        lag: o.lag === null ? "–" : String(o.lag),
        memberId: o.owner === null ? "–" : (memberOf[o.owner] ?? "–"),
        clientId: o.owner ?? "–",
        groupState: `${g.state} (gen ${g.generation})`,
      });
    }
  }
  return rows;
}

const selectRows = (s: SimStore): Row[] => describeGroups(s.run.state);

const COLUMNS: readonly Column<Row>[] = [
  { header: "Group", cell: (r) => r.group },
  { header: "Topic", cell: (r) => r.topic },
  { header: "Partition", cell: (r) => r.partition, numeric: true },
  { header: "Current offset", cell: (r) => r.committed, numeric: true },
  { header: "Log end offset", cell: (r) => r.logEndOffset, numeric: true },
  { header: "Lag", cell: (r) => r.lag, numeric: true },
  { header: "Consumer ID", cell: (r) => r.memberId },
  { header: "Client ID", cell: (r) => r.clientId },
  { header: "State", cell: (r) => r.groupState },
];

export function GroupsTable() {
  const rows = useStaggeredRows(selectRows, useRefreshFrames());
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
