import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { ProducerPanel } from "./ProducerPanel.tsx";

export function Producers() {
  const ids = useSim(useShallow((s) => Object.keys(s.run.state.producers)));
  if (ids.length === 0) return null;
  return (
    <section aria-label="Producers" className="client-list">
      {ids.map((id) => (
        <ProducerPanel key={id} id={id} />
      ))}
    </section>
  );
}
