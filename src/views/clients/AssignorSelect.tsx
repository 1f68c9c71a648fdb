import { useSimApi, useSim } from "../SimContext.tsx";
import type { AssignorName } from "../../store/index.ts";
import { consumersOf } from "./groupView.ts";

export const ASSIGNOR_CHOICES: readonly { value: string; label: string }[] = [
  { value: "range,cooperative-sticky", label: "range, cooperative-sticky (Kafka's default)" },
  { value: "range", label: "range" },
  { value: "roundrobin", label: "roundrobin" },
  { value: "sticky", label: "sticky" },
  { value: "cooperative-sticky", label: "cooperative-sticky" },
];

/**
 * partition.assignment.strategy for the whole group: every consumer of the group restarts with
 * the new list (one command each, as a rolling restart would do it all at once).
 */
export function AssignorSelect({ groupId, current }: { groupId: string; current: string }) {
  const issue = useSim((s) => s.issue);
  const api = useSimApi();
  const change = (value: string): void => {
    const strategy = value.split(",") as AssignorName[];
    for (const c of consumersOf(api.getState().run.state, groupId))
      if (c.config.partitionAssignmentStrategy.join(",") !== value)
        issue({ type: "setAssignmentStrategy", consumer: c.id, strategy });
  };
  const known = ASSIGNOR_CHOICES.some((c) => c.value === current);
  return (
    <label className="client-field">
      <span>Assignor (partition.assignment.strategy)</span>
      <select value={current} onChange={(e) => change(e.target.value)}>
        {!known && (
          <option value={current} disabled>
            {current === "mixed" ? "mixed: members differ" : current}
          </option>
        )}
        {ASSIGNOR_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
