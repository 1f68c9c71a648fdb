// The engine's public face: everything other layers may use.

export {
  createSimulation,
  applyCommand,
  advanceTo,
  nextEventTime,
  DEFAULT_MAX_EVENTS_PER_ADVANCE,
} from "./simulation.ts";
export type {
  SimulationSpec,
  CreateResult,
  CommandResult,
  AdvanceOptions,
  AdvanceResult,
} from "./simulation.ts";
export type {
  Command,
  CommandType,
  BrokerSpec,
  TopicSpec,
  ProducerSpec,
  ConsumerSpec,
  GroupCommand,
  ResetTarget,
} from "./commands.ts";
export { DEFAULT_CONSUMER_CONFIG } from "./groupTypes.ts";
export type { AssignorName } from "./assignors/index.ts";
export type {
  ConsumerConfig,
  ConsumerState,
  GroupState,
  GroupMember,
  GroupStateName,
  MemberState,
  RedeliveryExample,
  LagSample,
} from "./groupTypes.ts";
export { groupOffsets, groupLag } from "./lag.ts";
export type { PartitionOffsets } from "./lag.ts";
export { OFFSETS_TOPIC } from "./offsets.ts";
export type { SimEvent, SimEventType, ElectionKind } from "./events.ts";
export { DETAIL_EVENTS } from "./events.ts";
export { explain } from "./explain.ts";
export { cloneState } from "./clone.ts";
export { audit } from "./audit.ts";
export type { AuditReport, GroupRedelivery } from "./audit.ts";
export type { LostRecord, DuplicateRecord, OrderViolation } from "./auditTypes.ts";
export { describeProducerQueue } from "./producerQueue.ts";
export type {
  ProducerQueue,
  WaitingPartition,
  BatchWait,
  BrokerRequests,
} from "./producerQueue.ts";
export {
  DEFAULT_BROKER_CONFIG,
  DEFAULT_TOPIC_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  resolveProducerConfig,
} from "./config.ts";
export type { BrokerConfig, TopicConfig, ProducerConfig, Acks, ConfigError } from "./config.ts";
export { murmur2, toPositive, utf8Bytes, partitionForKey } from "./partitioner.ts";
export { assignReplicasToBrokers, placeReplicas } from "./placement.ts";
export type { PlacementResult, PlacementError } from "./placement.ts";
export { recordAt, readRecords } from "./log.ts";
export type { EngineError } from "./topics.ts";
export type {
  SimState,
  BrokerState,
  BrokerId,
  TopicState,
  PartitionState,
  ReplicaState,
  LogRecord,
  ProducerState,
  Transfer,
  VirtualMs,
} from "./types.ts";

// ---- Services model (the "Before Kafka" comparison: direct calls against a broker) ----
export {
  createServicesSimulation,
  advanceServices,
  applyServicesCommand,
  nextServicesEventTime,
  DEFAULT_MAX_SERVICES_EVENTS,
} from "./services/simulation.ts";
export type {
  SideSpec,
  CreateServicesResult,
  ServicesAdvanceOptions,
  ServicesAdvanceResult,
} from "./services/simulation.ts";
export { cloneServicesState } from "./services/clone.ts";
export { explainServicesEvent } from "./services/explain.ts";
export { SERVICES_DETAIL_EVENTS } from "./services/events.ts";
export type { ServicesEvent, ServicesEventType } from "./services/events.ts";
export { percentile, senderBusyMs, waitingNow, SAMPLE_INTERVAL_MS } from "./services/metrics.ts";
export { validateServicesSpec } from "./services/validate.ts";
export { SERVICES_PRESETS } from "./services/presets/lessons.ts";
export type { ServicesPreset, PresetSide } from "./services/presets/lessons.ts";
export type {
  ServicesSpec,
  ServiceSpec,
  ServicesCommand,
  ServicesState,
  ReceiverState,
  QueueState,
  Flight,
  Sample,
  Metrics as ServicesMetrics,
  FailReason,
  Mode as ServicesMode,
  Delivery as ServicesDelivery,
} from "./services/types.ts";
