import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { BrokerCard } from "./BrokerCard.tsx";

export function ClusterView() {
  const ids = useSim(useShallow((s) => Object.values(s.run.state.brokers).map((b) => b.id)));
  return (
    <section aria-label="Cluster" className="cluster">
      {ids.map((id) => (
        <BrokerCard key={id} id={id} />
      ))}
    </section>
  );
}
