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
export { validateLesson } from "./lessons/validateLesson.ts";
export type { LessonResult } from "./lessons/validateLesson.ts";
export { loadLessons, LESSON_DOCUMENTS } from "./lessons/catalog.ts";
export type { LessonCatalog } from "./lessons/catalog.ts";
export { challengeScenario, challengeCost } from "./lessons/challengeDocument.ts";
export type { ParameterValues } from "./lessons/challengeDocument.ts";
export type {
  Lesson,
  Step,
  StepAction,
  Condition,
  Range,
  PartitionRef,
  Highlight,
  HighlightPanel,
  Predict,
  PredictChoice,
  Challenge,
  ChallengeParameter,
  ParameterTarget,
  KafkaLesson,
  ServicesLesson,
  ServicesSetup,
  ServicesStepAction,
  ServicesCondition,
  ServicesSideRef,
  ServicesPanel,
} from "./lessons/schema.ts";
export { servicesSideIndex } from "./lessons/servicesWorld.ts";
export { canonicalJson } from "./url/canonicalJson.ts";
export {
  LINK_VERSION,
  decodeShareLink,
  encodeShareLink,
  readRunJson,
  runJson,
} from "./url/shareLink.ts";
export type { EncodeResult } from "./url/shareLink.ts";
export { LINK_LIMITS } from "./url/sharedRun.ts";
export { scenarioWithCommands } from "./url/withCommands.ts";
export type { WithCommandsResult } from "./url/withCommands.ts";
export type {
  OpenedRun,
  ProblemKind,
  ReadRunResult,
  RunPayload,
  RunProblem,
  SharedRun,
} from "./url/sharedRun.ts";
