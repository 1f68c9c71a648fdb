// Creating a topic: validate, place replicas with Kafka's AdminUtils algorithm over the usable
// (unfenced) brokers, and commit the first leaders (replicas[0], epoch 0, ISR = all replicas).

import { entry, reservedName } from "./names.ts";
import { emit, type Ctx } from "./context.ts";
import { DEFAULT_TOPIC_CONFIG, type TopicConfig } from "./config.ts";
import type { TopicSpec } from "./commands.ts";
import { emptyReplica } from "./log.ts";
import { placeReplicas } from "./placement.ts";
import { randomInt } from "./random.ts";
import { applyPartitionChange } from "./replication.ts";
import type { BrokerId, PartitionState, SimState } from "./types.ts";

export interface EngineError {
  name: string;
  message: string;
}

export function usableBrokers(state: SimState): { id: BrokerId; rack?: string }[] {
  return Object.values(state.brokers)
    .filter((b) => b.status === "online" && !b.fenced)
    .sort((a, b) => a.id - b.id)
    .map((b) => (b.rack === null ? { id: b.id } : { id: b.id, rack: b.rack }));
}

export function validateTopicConfig(
  config: TopicConfig,
  replicationFactor: number,
): EngineError | null {
  if (config.minInsyncReplicas < 1)
    return {
      name: "InvalidConfigurationException",
      message: `min.insync.replicas must be at least 1 (got ${config.minInsyncReplicas}).`,
    };
  if (config.minInsyncReplicas > replicationFactor)
    return {
      name: "InvalidConfigurationException",
      message: `min.insync.replicas (${config.minInsyncReplicas}) is larger than the replication factor (${replicationFactor}): acks=all writes could never succeed.`,
    };
  return null;
}

export function createTopic(ctx: Ctx, spec: TopicSpec): EngineError | null {
  const s = ctx.state;
  const reserved = reservedName("topic", spec.name);
  if (reserved) return reserved;
  if (entry(s.topics, spec.name))
    return { name: "TopicExistsException", message: `Topic ${spec.name} already exists.` };
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(spec.name))
    return {
      name: "InvalidTopicException",
      message: `Topic name "${spec.name}" is not valid: use letters, digits, '.', '_' and '-' (at most 249).`,
    };
  const config: TopicConfig = { ...DEFAULT_TOPIC_CONFIG, ...spec.config };
  const configError = validateTopicConfig(config, spec.replicationFactor);
  if (configError) return configError;
  let assignment: BrokerId[][];
  if (spec.replicaAssignment) {
    assignment = spec.replicaAssignment.map((r) => [...r]);
    const unknown = assignment.flat().find((id) => !s.brokers[String(id)]);
    if (unknown !== undefined)
      return {
        name: "InvalidReplicaAssignmentException",
        message: `Broker ${unknown} in the replica assignment of ${spec.name} does not exist.`,
      };
  } else {
    const placed = placeReplicas(
      usableBrokers(s),
      spec.partitions,
      spec.replicationFactor,
      -1,
      -1,
      (bound) => randomInt(s, "placement", bound),
    );
    if (!placed.ok) return placed.error;
    assignment = placed.assignment;
  }
  const partitions: PartitionState[] = assignment.map((replicas, partition) => {
    const replicaStates: PartitionState["replicaStates"] = {};
    for (const id of replicas) replicaStates[String(id)] = emptyReplica(id);
    return {
      topic: spec.name,
      partition,
      replicas,
      leader: replicas[0]!,
      leaderEpoch: 0,
      isr: [...replicas],
      lastElection: "initial",
      replicaStates,
    };
  });
  s.topics[spec.name] = {
    name: spec.name,
    config,
    partitions,
    createdAt: s.time,
    internal: spec.name.startsWith("__"),
  };
  const time = s.time;
  emit(ctx, () => ({
    type: "topicCreated",
    time,
    topic: spec.name,
    partitions: partitions.length,
    replicationFactor: spec.replicationFactor,
    assignment,
  }));
  for (const p of partitions)
    for (const id of p.replicas)
      s.brokers[String(id)]?.hosted.push({ topic: p.topic, partition: p.partition });
  for (const p of partitions) {
    const leader = p.leader;
    const isr = [...p.isr];
    emit(ctx, () => ({
      type: "leaderElected",
      time,
      topic: p.topic,
      partition: p.partition,
      leader,
      previousLeader: -1,
      leaderEpoch: 0,
      election: "initial",
      isr,
    }));
    for (const id of p.replicas) {
      const b = s.brokers[String(id)];
      if (b && b.status === "online" && !b.isolated)
        applyPartitionChange(ctx, id, p.topic, p.partition, p.leader, p.leaderEpoch, p.isr);
      else if (b) b.needsMetadata = true;
    }
  }
  return null;
}
