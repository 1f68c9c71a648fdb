// Break something by hand, on both sides at once: a receiver, more receivers, the broker.

import { useShallow } from "zustand/react/shallow";
import { useServices } from "./ServicesContext.tsx";

export function FaultButtons() {
  const { receiver, receiverUp, service, broker, issue } = useServices(
    useShallow((s) => {
      const sides = s.run.sides;
      const first = sides[0].state.receiverOrder[0]!;
      const brokerSide = sides.find((x) => x.state.broker !== null);
      return {
        receiver: first,
        receiverUp: sides[0].state.receivers[first]!.up,
        service: sides[0].state.receivers[first]!.service,
        broker: brokerSide ? brokerSide.state.broker!.up : null,
        issue: s.issue,
      };
    }),
  );
  return (
    <div className="controls before-faults" role="group" aria-label="Break something (both sides)">
      <span className="muted">Break something, on both sides:</span>
      <button
        type="button"
        onClick={() => issue({ type: receiverUp ? "stopReceiver" : "startReceiver", receiver })}
      >
        {receiverUp ? `Take ${receiver} down` : `Bring ${receiver} back`}
      </button>
      <button type="button" onClick={() => issue({ type: "addReceiver", service })}>
        Add a receiver to {service}
      </button>
      {broker !== null && (
        <button
          type="button"
          onClick={() => issue({ type: broker ? "stopBroker" : "startBroker" })}
        >
          {broker ? "Stop the broker" : "Restart the broker"}
        </button>
      )}
    </div>
  );
}
