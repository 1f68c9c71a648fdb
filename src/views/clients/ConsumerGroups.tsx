import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { AddGroupForm } from "./AddGroupForm.tsx";
import { ConsumerGroupPanel } from "./ConsumerGroupPanel.tsx";

export function ConsumerGroups() {
  const ids = useSim(useShallow((s) => Object.keys(s.run.state.groups).sort()));
  return (
    <section aria-label="Consumers" className="client-list">
      {ids.map((id) => (
        <ConsumerGroupPanel key={id} groupId={id} />
      ))}
      {/* Open from the start when there is no group: the records have nowhere to go yet. */}
      <AddGroupForm startOpen={ids.length === 0} />
    </section>
  );
}
