import type { AssignorName } from "../../store/index.ts";
import { useSimApi, useSim } from "../SimContext.tsx";
import { useSimStable } from "../useSimStable.ts";
import { AssignorSelect } from "./AssignorSelect.tsx";
import { GroupMember } from "./GroupMember.tsx";
import { GroupOffsets } from "./GroupOffsets.tsx";
import {
  definedConsumers,
  groupSummary,
  memberRows,
  nextConsumerSpec,
  plannedConsumerIds,
} from "./groupView.ts";
import "./clients.css";

const STATE_CLASS: Record<string, string> = {
  Stable: "state-ok",
  Empty: "state-idle",
  Dead: "state-idle",
  PreparingRebalance: "state-busy",
  CompletingRebalance: "state-busy",
};

export function ConsumerGroupPanel({ groupId }: { groupId: string }) {
  // A group changes with a rebalance, not with each record: read a few times a second.
  const g = useSimStable((s) => groupSummary(s.run.state, groupId), { playingEvery: 4 });
  const members = useSimStable((s) => memberRows(s.run.state, groupId), { playingEvery: 4 });
  const issue = useSim((s) => s.issue);
  const api = useSimApi();
  const addConsumer = (): void => {
    const run = api.getState().run;
    const timeline = [...run.spec.timeline, ...run.commands];
    const defined = definedConsumers(run.spec.consumers, timeline);
    const spec = nextConsumerSpec(run.state, groupId, defined, plannedConsumerIds(timeline));
    if (!spec) return;
    const agreed = groupSummary(run.state, groupId).strategy;
    issue({ type: "addConsumer", consumer: spec });
    // The new member follows an assignor change the others made (its first JoinGroup carries it).
    const added = api.getState().run.state.consumers[spec.id];
    const own = added?.config.partitionAssignmentStrategy.join(",");
    if (added && agreed !== "" && agreed !== "mixed" && own !== agreed)
      issue({
        type: "setAssignmentStrategy",
        consumer: spec.id,
        strategy: agreed.split(",") as AssignorName[],
      });
  };
  const idle = members.filter((m) => m.idle !== null).length;
  return (
    <section className="client-panel group" aria-label={`Consumer group ${groupId}`}>
      <header className="client-header">
        <h3>Group {groupId}</h3>
        <span className={`badge ${STATE_CLASS[g.state] ?? ""}`}>
          {g.state} · gen {g.generation}
        </span>
      </header>
      <p className="muted client-summary">
        {g.members} member{g.members === 1 ? "" : "s"}
        {idle > 0 ? ` (${idle} idle)` : ""} · assignor {g.assignor ?? "not chosen yet"} (
        {g.protocol}) · coordinator broker {g.coordinator}
      </p>
      {g.rebalanceReason !== null && (
        <p className="rebalancing" role="status">
          Rebalancing: {g.rebalanceReason}
        </p>
      )}
      <ul className="members" aria-label={`Members of group ${groupId}`}>
        {members.map((m) => (
          <GroupMember key={m.id} member={m} showStrategy={g.strategy === "mixed"} />
        ))}
      </ul>
      <div className="client-controls">
        <button type="button" onClick={addConsumer}>
          + Add a consumer to {groupId}
        </button>
        <AssignorSelect groupId={groupId} current={g.strategy} />
      </div>
      <GroupOffsets groupId={groupId} />
    </section>
  );
}
