// Kafka's configs with Kafka's defaults (3.x/4.0). A scenario may lower timeouts to make a
// lesson quick; the defaults stay Kafka's. The scenario layer maps dotted names to these.

export interface BrokerConfig {
  /** broker.heartbeat.interval.ms */
  brokerHeartbeatIntervalMs: number;
  /** broker.session.timeout.ms */
  brokerSessionTimeoutMs: number;
  /** replica.lag.time.max.ms */
  replicaLagTimeMaxMs: number;
  /** replica.fetch.wait.max.ms */
  replicaFetchWaitMaxMs: number;
  /** replica.fetch.max.bytes */
  replicaFetchMaxBytes: number;
  /** auto.leader.rebalance.enable */
  autoLeaderRebalanceEnable: boolean;
  /** leader.imbalance.check.interval.seconds, in ms */
  leaderImbalanceCheckIntervalMs: number;
  /** log.retention.check.interval.ms */
  logRetentionCheckIntervalMs: number;
  /** controller.quorum.election.timeout.ms */
  controllerQuorumElectionTimeoutMs: number;
  /** Number of KRaft voters among the brokers (combined mode): 1 or 3 in lessons. */
  controllerQuorumVoters: number;
  /** One-way network delay between two parties; each link gets a fixed share on top. */
  networkLatencyMs: number;
  /** Virtual time a leader needs to append a batch to its log. */
  diskAppendMs: number;
  /** offsets.topic.num.partitions */
  offsetsTopicNumPartitions: number;
  /** offsets.topic.replication.factor (lowered to the broker count, as a lesson cluster needs) */
  offsetsTopicReplicationFactor: number;
  /** group.initial.rebalance.delay.ms */
  groupInitialRebalanceDelayMs: number;
}

export interface TopicConfig {
  /** min.insync.replicas */
  minInsyncReplicas: number;
  /** unclean.leader.election.enable */
  uncleanLeaderElectionEnable: boolean;
  /** retention.ms (-1 = forever) */
  retentionMs: number;
  /** retention.bytes, per partition (-1 = unlimited) */
  retentionBytes: number;
  /** segment.bytes */
  segmentBytes: number;
  /** segment.ms */
  segmentMs: number;
  /** cleanup.policy */
  cleanupPolicy: "delete" | "compact" | "compact,delete";
  /** delete.retention.ms: how long a tombstone outlives its first cleaning */
  deleteRetentionMs: number;
  /** min.cleanable.dirty.ratio */
  minCleanableDirtyRatio: number;
}

export type Acks = 0 | 1 | "all";

export interface ProducerConfig {
  acks: Acks;
  /** enable.idempotence */
  enableIdempotence: boolean;
  retries: number;
  /** retry.backoff.ms */
  retryBackoffMs: number;
  /** retry.backoff.max.ms: retries back off exponentially up to this (KIP-580) */
  retryBackoffMaxMs: number;
  /** request.timeout.ms */
  requestTimeoutMs: number;
  /** delivery.timeout.ms */
  deliveryTimeoutMs: number;
  /** linger.ms */
  lingerMs: number;
  /** batch.size */
  batchSize: number;
  /** max.in.flight.requests.per.connection: produce requests in flight to one broker */
  maxInFlightRequestsPerConnection: number;
  /** metadata.max.age.ms: the producer refreshes its partition leaders at least this often */
  metadataMaxAgeMs: number;
  /** partitioner for records without a key: Kafka's built-in sticky one, or round-robin */
  partitioner: "sticky" | "roundrobin";
}

export const DEFAULT_BROKER_CONFIG: BrokerConfig = {
  brokerHeartbeatIntervalMs: 2000,
  brokerSessionTimeoutMs: 9000,
  replicaLagTimeMaxMs: 30000,
  replicaFetchWaitMaxMs: 500,
  replicaFetchMaxBytes: 1048576,
  autoLeaderRebalanceEnable: true,
  leaderImbalanceCheckIntervalMs: 300000,
  logRetentionCheckIntervalMs: 300000,
  controllerQuorumElectionTimeoutMs: 1000,
  controllerQuorumVoters: 3,
  networkLatencyMs: 2,
  diskAppendMs: 1,
  offsetsTopicNumPartitions: 50,
  offsetsTopicReplicationFactor: 3,
  groupInitialRebalanceDelayMs: 3000,
};

export const DEFAULT_TOPIC_CONFIG: TopicConfig = {
  minInsyncReplicas: 1,
  uncleanLeaderElectionEnable: false,
  retentionMs: 604800000,
  retentionBytes: -1,
  segmentBytes: 1073741824,
  segmentMs: 604800000,
  cleanupPolicy: "delete",
  deleteRetentionMs: 86400000,
  minCleanableDirtyRatio: 0.5,
};

export const DEFAULT_PRODUCER_CONFIG: ProducerConfig = {
  acks: "all",
  enableIdempotence: true,
  retries: 2147483647,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 1000,
  requestTimeoutMs: 30000,
  deliveryTimeoutMs: 120000,
  lingerMs: 5,
  batchSize: 16384,
  maxInFlightRequestsPerConnection: 5,
  metadataMaxAgeMs: 300000,
  partitioner: "sticky",
};

export type ConfigError = { field: string; message: string };

/**
 * Resolves a producer's config the way KafkaProducer does since 3.0: idempotence is on by
 * default, but silently turns off when the user set a conflicting acks or retries without
 * asking for idempotence; asking for both is a ConfigException.
 */
export function resolveProducerConfig(
  given: Partial<ProducerConfig>,
): { ok: true; config: ProducerConfig } | { ok: false; errors: ConfigError[] } {
  const config: ProducerConfig = { ...DEFAULT_PRODUCER_CONFIG, ...given };
  const errors: ConfigError[] = [];
  const idempotenceSet = given.enableIdempotence !== undefined;
  const conflicts: string[] = [];
  if (config.acks !== "all") conflicts.push(`acks=${String(config.acks)}`);
  if (config.retries === 0) conflicts.push("retries=0");
  if (config.maxInFlightRequestsPerConnection > 5)
    conflicts.push(
      `max.in.flight.requests.per.connection=${config.maxInFlightRequestsPerConnection}`,
    );
  if (conflicts.length > 0) {
    if (idempotenceSet && given.enableIdempotence === true) {
      errors.push({
        field: "enable.idempotence",
        message: `ConfigException: enable.idempotence=true needs acks=all, retries > 0 and at most 5 in-flight requests, but ${conflicts.join(", ")} was set.`,
      });
    } else {
      config.enableIdempotence = false;
    }
  }
  if (config.deliveryTimeoutMs < config.lingerMs + config.requestTimeoutMs) {
    errors.push({
      field: "delivery.timeout.ms",
      message: `ConfigException: delivery.timeout.ms (${config.deliveryTimeoutMs}) must be at least linger.ms + request.timeout.ms (${config.lingerMs + config.requestTimeoutMs}).`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
