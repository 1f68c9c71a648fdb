import type { SimState, SimStore } from "../../store/index.ts";
import { DataTable, useRefreshFrames, type Column } from "./DataTable.tsx";
import { useStaggeredRows } from "./useStaggeredRows.ts";

interface Row {
  broker: number;
  status: string;
  controller: string;
  leaders: number;
  replicas: number;
}

const STATUS: Record<SimState["brokers"][string]["status"], string> = {
  online: "online",
  offline: "offline",
  shuttingDown: "shutting down",
};

/** One row per broker: what each card of the picture says, as text. */
export function describeBrokers(state: SimState): Row[] {
  const leaders: Record<string, number> = {};
  const replicas: Record<string, number> = {};
  for (const t of Object.values(state.topics)) {
    if (t.internal) continue;
    for (const p of t.partitions) {
      leaders[p.leader] = (leaders[p.leader] ?? 0) + 1;
      for (const id of p.replicas) replicas[id] = (replicas[id] ?? 0) + 1;
    }
  }
  return Object.values(state.brokers).map((b) => ({
    broker: b.id,
    status: [STATUS[b.status], b.isolated ? "isolated" : "", b.fenced ? "fenced" : ""]
      .filter(Boolean)
      .join(", "),
    controller: state.controller.active === b.id ? "active controller" : b.voter ? "voter" : "–",
    leaders: leaders[b.id] ?? 0,
    replicas: replicas[b.id] ?? 0,
  }));
}

const selectRows = (s: SimStore): Row[] => describeBrokers(s.run.state);

const COLUMNS: readonly Column<Row>[] = [
  { header: "Broker", cell: (r) => r.broker, numeric: true },
  { header: "Status", cell: (r) => r.status },
  { header: "Controller", cell: (r) => r.controller },
  { header: "Leads", cell: (r) => r.leaders, numeric: true },
  { header: "Replicas", cell: (r) => r.replicas, numeric: true },
];

export function BrokersTable() {
  const rows = useStaggeredRows(selectRows, useRefreshFrames());
  return (
    <DataTable caption="Brokers" columns={COLUMNS} rows={rows} rowKey={(r) => String(r.broker)} />
  );
}
