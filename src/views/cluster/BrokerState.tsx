import type { BrokerState as Broker } from "../../store/index.ts";

const STATUS_TEXT: Record<Broker["status"], string> = {
  online: "online",
  offline: "offline",
  shuttingDown: "shutting down",
};

/** A broker's state in words with a mark each, so none depends on colour alone. */
export function BrokerStateBadges({
  status,
  isolated,
  fenced,
  controller,
}: {
  status: Broker["status"];
  isolated: boolean;
  fenced: boolean;
  controller: boolean;
}) {
  return (
    <span className="state-badges">
      <span className={`state-badge state-${status}`}>
        <span aria-hidden="true">
          {status === "online" ? "▲ " : status === "offline" ? "✕ " : "▽ "}
        </span>
        {STATUS_TEXT[status]}
      </span>
      {controller && (
        <span className="state-badge state-controller" title="Active KRaft controller">
          <span aria-hidden="true">◆ </span>controller
        </span>
      )}
      {isolated && (
        <span
          className="state-badge state-isolated"
          title="Cut off from the other brokers and the controller"
        >
          <span aria-hidden="true">⌁ </span>isolated
        </span>
      )}
      {fenced && status === "online" && (
        <span
          className="state-badge state-fenced"
          title="Fenced by the controller: not eligible to lead or be in an ISR"
        >
          fenced
        </span>
      )}
    </span>
  );
}
