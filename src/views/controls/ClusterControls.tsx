import { useId } from "react";
import { useSim } from "../SimContext.tsx";
import { useTopicNames } from "../useTopicNames.ts";
import { TopicConfigForm } from "./TopicConfigForm.tsx";
import "./controls.css";

/**
 * What an operator does with Kafka's admin tools: add a broker, run a preferred leader election,
 * change a topic's configs live (kafka-configs --alter).
 */
export function ClusterControls() {
  const topics = useTopicNames();
  const issue = useSim((s) => s.issue);
  const headingId = useId();
  return (
    <section className="cluster-controls" aria-labelledby={headingId}>
      <div className="cluster-actions">
        <h2 id={headingId}>Admin commands</h2>
        <button type="button" onClick={() => issue({ type: "addBroker" })}>
          + Add a broker
        </button>
        <button type="button" onClick={() => issue({ type: "electPreferredLeaders" })}>
          Elect preferred leaders
        </button>
      </div>
      <div className="topic-configs">
        {topics.map((t) => (
          <TopicConfigForm key={t} topic={t} />
        ))}
      </div>
    </section>
  );
}
