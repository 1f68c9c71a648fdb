import { useShallow } from "zustand/react/shallow";
import { useSim } from "./SimContext.tsx";

/** The names of the run's own topics (not Kafka's internal ones), sorted, for a choice of topic. */
export function useTopicNames(): string[] {
  return useSim(
    useShallow((s) =>
      Object.values(s.run.state.topics)
        .filter((t) => !t.internal)
        .map((t) => t.name)
        .sort(),
    ),
  );
}
