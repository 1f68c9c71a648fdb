// The store's public face: what views may use (it re-exports the engine and scenario pieces
// views need, so that views import from here only).

export { createSimStore, MIN_SPEED, MAX_SPEED } from "./simStore.ts";
export type { SimStore, SimStoreApi } from "./simStore.ts";
export { startClock } from "./clock.ts";
export {
  CHECKPOINT_INTERVAL_MS,
  createRun,
  advanceRun,
  seekRun,
  issueCommand,
  stepForward,
  stepBack,
} from "./run.ts";
export type { Run, TimedCommand } from "./run.ts";
export {
  explain,
  audit,
  groupOffsets,
  DETAIL_EVENTS as DETAIL_EVENT_TYPES,
} from "../engine/index.ts";
export { openBuiltinScenario, builtinScenarios } from "./open.ts";
export type { Opened, ScenarioEntry } from "./open.ts";
export type {
  Command,
  SimEvent,
  SimState,
  BrokerState,
  PartitionState,
  ReplicaState,
  TopicState,
  ProducerState,
  Transfer,
  SimulationSpec,
} from "../engine/index.ts";
