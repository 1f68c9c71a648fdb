import { useShallow } from "zustand/react/shallow";
import { groupOffsets, type SimState } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

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

export function GroupsTable() {
  // Rows as strings, so the shallow comparison sees equal values between frames.
  const rows = useSim(useShallow((s) => describeGroups(s.run.state).map((r) => JSON.stringify(r))));
  if (rows.length === 0) return null;
  return (
    <table className="data">
      <caption>Consumer groups</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">State</th>
          <th scope="col">Topic</th>
          <th scope="col">Partition</th>
          <th scope="col">Consumer</th>
          <th scope="col">Committed</th>
          <th scope="col">Log end</th>
          <th scope="col">Lag</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((json) => {
          const r = JSON.parse(json) as Row;
          return (
            <tr key={`${r.group}-${r.topic}-${r.partition}`}>
              <td>{r.group}</td>
              <td>
                {r.groupState} (gen {r.generation})
              </td>
              <td>{r.topic}</td>
              <td>{r.partition}</td>
              <td>{r.owner}</td>
              <td>{r.committed}</td>
              <td>{r.logEndOffset}</td>
              <td>{r.lag}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
