// The scenario layer's public face: what the store, the CLI and the app may use.

export { SCENARIO_VERSION } from "./schema.ts";
export type {
  Scenario,
  ScenarioAcks,
  ScenarioBroker,
  ScenarioClusterConfig,
  ScenarioCleanupPolicy,
  ScenarioCommand,
  ScenarioPartitioner,
  ScenarioProducer,
  ScenarioProducerConfig,
  ScenarioTopic,
  ScenarioTopicConfig,
  TimelineEntry,
} from "./schema.ts";
export { validateScenario, parseScenario, SCENARIO_LIMITS } from "./validate.ts";
export type { ValidationResult } from "./validate.ts";
export { formatProblem } from "./problems.ts";
export type { Problem } from "./problems.ts";
export { toSpec, acksToEngine } from "./toSpec.ts";
export {
  CLUSTER_CONFIGS,
  TOPIC_CONFIGS,
  PRODUCER_CONFIGS,
  configNames,
  kafkaNameOf,
  kafkaValueOf,
} from "./kafkaConfig.ts";
export type { ConfigScope, ConfigEntry, ValueRule } from "./kafkaConfig.ts";
export { BUILTIN_SCENARIOS, findBuiltinScenario, loadBuiltinScenario } from "./library/index.ts";
export type { BuiltinScenario } from "./library/index.ts";
