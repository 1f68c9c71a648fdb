import type { BrokerState } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";

/**
 * What a user can do to a broker. Short visible words, full accessible names ("Kill broker 2"):
 * the names screen readers and the browser tests use.
 */
export function BrokerActions({
  id,
  status,
  isolated,
  className,
}: {
  id: number;
  status: BrokerState["status"];
  isolated: boolean;
  className: string;
}) {
  const issue = useSim((s) => s.issue);
  const button = (label: string, name: string, run: () => void, cls = "") => (
    <button type="button" aria-label={name} className={cls} onClick={run}>
      {label}
    </button>
  );
  return (
    <div className={className} id={`broker-${id}-actions`}>
      {status === "online" ? (
        <>
          {button(
            "Kill",
            `Kill broker ${id}`,
            () => issue({ type: "killBroker", broker: id }),
            "danger",
          )}
          {button("Shut down", `Shut down broker ${id}`, () =>
            issue({ type: "shutdownBroker", broker: id }),
          )}
          {isolated
            ? button("Heal", `Heal broker ${id}`, () => issue({ type: "healBroker", broker: id }))
            : button("Isolate", `Isolate broker ${id}`, () =>
                issue({ type: "isolateBroker", broker: id }),
              )}
        </>
      ) : (
        button("Restart", `Restart broker ${id}`, () =>
          issue({ type: "restartBroker", broker: id }),
        )
      )}
    </div>
  );
}
