// The clients at the picture's edges, where records start and end their trip: producers on
// the left, consumer groups and their members on the right. The panels with their controls and
// numbers live elsewhere; these are the anchors of the motion, with just enough to read it.

import type { ReactNode } from "react";
import { useSimStable } from "../useSimStable.ts";

/** The producers, and under them what the column is given (the key legend). */
export function ProducerNodes({ children }: { children?: ReactNode }) {
  const producers = useSimStable((s) =>
    Object.values(s.run.state.producers).map((p) => ({
      id: p.id,
      topic: p.topic,
      acks: p.config.acks,
      running: p.running,
    })),
  );
  if (producers.length === 0)
    return <div className="picture-column producers-column">{children}</div>;
  return (
    <div className="picture-column producers-column" data-observe="">
      <h3 className="column-title">Producers</h3>
      <ul aria-label="Producers in the picture">
        {producers.map((p) => (
          <li
            key={p.id}
            className={`client-node producer-node${p.running ? "" : " stopped"}`}
            data-anchor={`producer:${p.id}`}
          >
            <span className="client-name">{p.id}</span>
            <span className="client-detail">
              → {p.topic} · acks={p.acks}
            </span>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/** `orders 0,1 · payments 3`: a member's partitions, grouped by topic. */
function compactAssignment(partitions: readonly string[]): string {
  const byTopic = new Map<string, number[]>();
  for (const name of partitions) {
    const dash = name.lastIndexOf("-");
    const topic = name.slice(0, dash);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(name.slice(dash + 1))]);
  }
  return [...byTopic]
    .map(([topic, ps]) => {
      const sorted = ps.sort((a, b) => a - b);
      return sorted.length > 6 ? `${topic} ×${sorted.length}` : `${topic} ${sorted.join(",")}`;
    })
    .join(" · ");
}

export function GroupNodes() {
  const groups = useSimStable((s) => {
    const byGroup: Record<
      string,
      { id: string; state: string; members: { id: string; status: string; assignment: string }[] }
    > = {};
    for (const g of Object.values(s.run.state.groups))
      byGroup[g.groupId] = { id: g.groupId, state: g.state, members: [] };
    for (const c of Object.values(s.run.state.consumers)) {
      const group = (byGroup[c.groupId] ??= { id: c.groupId, state: "Empty", members: [] });
      group.members.push({
        id: c.id,
        status: c.status,
        assignment: compactAssignment(c.assignment),
      });
    }
    return Object.values(byGroup);
  });
  if (groups.length === 0) return <div className="picture-column groups-column" />;
  return (
    <div className="picture-column groups-column" data-observe="">
      <h3 className="column-title">Consumer groups</h3>
      <ul aria-label="Consumer groups in the picture">
        {groups.map((g) => (
          <li key={g.id} className="group-node" data-anchor={`group:${g.id}`}>
            <span className="client-name">{g.id}</span>{" "}
            <span className={`group-state group-${g.state}`}>{g.state}</span>
            <ul aria-label={`Members of ${g.id}`}>
              {g.members.map((m) => (
                <li
                  key={m.id}
                  className={`client-node consumer-node consumer-${m.status}`}
                  data-anchor={`consumer:${m.id}`}
                >
                  <span className="client-name">{m.id}</span>
                  {m.status !== "running" && <span className="client-detail"> ({m.status})</span>}
                  <span className="client-detail assignment">{m.assignment || "idle"}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
