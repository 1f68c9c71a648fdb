import { groupOffsets, type SimState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";

function rows(s: SimState, groupId: string) {
  return groupOffsets(s, groupId).map((o) => ({
    partition: `${o.topic}-${o.partition}`,
    owner: o.owner ?? "–",
    committed: o.committed,
    logEndOffset: o.logEndOffset,
    lag: o.lag,
  }));
}

/** Committed offset, log end offset, lag and owner per partition, in kafka-consumer-groups' order. */
export function GroupOffsets({ groupId }: { groupId: string }) {
  const offsets = useSimStable((s) => rows(s.run.state, groupId));
  if (offsets.length === 0) return null;
  return (
    <div className="offsets-wrap">
      <table className="data offsets">
        <caption>Offsets of group {groupId}</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col">Committed</th>
            <th scope="col">Log end</th>
            <th scope="col">Lag</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {offsets.map((o) => (
            <tr key={o.partition}>
              <th scope="row">{o.partition}</th>
              <td>{o.committed ?? "–"}</td>
              <td>{o.logEndOffset}</td>
              <td className={o.lag !== null && o.lag > 0 ? "lagging" : undefined}>
                {o.lag ?? "–"}
              </td>
              <td>{o.owner}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
