import type { Command } from "../../store/index.ts";

/** What a command the user issued did, in a few words, for its mark on the timeline. */
export function commandLabel(c: Command): string {
  switch (c.type) {
    case "killBroker":
      return `kill broker ${c.broker}`;
    case "restartBroker":
      return `restart broker ${c.broker}`;
    case "shutdownBroker":
      return `shut down broker ${c.broker}`;
    case "isolateBroker":
      return `isolate broker ${c.broker}`;
    case "healBroker":
      return `heal broker ${c.broker}`;
    case "slowBroker":
      return `slow broker ${c.broker}`;
    case "addBroker":
      return c.broker === undefined ? "add a broker" : `add broker ${c.broker}`;
    case "createTopic":
      return `create topic ${c.topic.name}`;
    case "setTopicConfig":
      return `change the config of ${c.topic}: ${Object.keys(c.config).join(", ")}`;
    case "electPreferredLeaders":
      return `elect preferred leaders${c.topic ? ` of ${c.topic}` : ""}`;
    case "addProducer":
      return `add producer ${c.producer.id}`;
    case "setProducer":
      return `change producer ${c.producer}`;
    case "produce": {
      const n = c.count ?? 1;
      return `produce ${n === 1 ? "a record" : `${n} records`} with key ${c.key ?? "null"} from ${c.producer}`;
    }
    case "addConsumer":
      return `add consumer ${c.consumer.id} to ${c.consumer.groupId}`;
    case "removeConsumer":
      return `remove consumer ${c.consumer}`;
    case "crashConsumer":
      return `crash consumer ${c.consumer}`;
    case "restartConsumer":
      return `restart consumer ${c.consumer}`;
    case "pauseConsumer":
      return `pause consumer ${c.consumer}`;
    case "resumeConsumer":
      return `resume consumer ${c.consumer}`;
    case "stallConsumer":
      return `stall consumer ${c.consumer}`;
    case "setProcessingTime":
      return `set the processing time of ${c.consumer} to ${c.ms} ms`;
    case "setAssignmentStrategy":
      return `set the assignor of ${c.consumer} to ${c.strategy.join(", ")}`;
    case "resetOffsets":
      return `reset the offsets of ${c.groupId}`;
  }
}
