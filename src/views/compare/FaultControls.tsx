import { useShallow } from "zustand/react/shallow";
import type { Command } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

/**
 * Kill or restart a broker on both sides at once. Statuses are read from the side in context;
 * both sides always get the same faults, so they agree.
 */
export function FaultControls({ issue }: { issue: (command: Command) => void }) {
  const brokers = useSim(
    useShallow((s) =>
      Object.values(s.run.state.brokers).map((b) => `${b.id}:${b.status === "offline" ? 0 : 1}`),
    ),
  );
  return (
    <div className="fault-controls" role="group" aria-label="Faults on both sides">
      <span className="fault-label">Both sides:</span>
      {brokers.map((entry) => {
        const [id, up] = entry.split(":").map(Number) as [number, number];
        return up ? (
          <button key={id} type="button" onClick={() => issue({ type: "killBroker", broker: id })}>
            Kill broker {id}
          </button>
        ) : (
          <button
            key={id}
            type="button"
            className="restart"
            onClick={() => issue({ type: "restartBroker", broker: id })}
          >
            Restart broker {id}
          </button>
        );
      })}
    </div>
  );
}
