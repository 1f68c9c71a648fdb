// The store's public face: what views may use (it re-exports the engine and scenario pieces
// views need, so that views import from here only).

export { createSimStore, MIN_SPEED, MAX_SPEED } from "./simStore.ts";
export type { SimStore, SimStoreApi, ForkNotice } from "./simStore.ts";
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
export { describeProducerQueue } from "../engine/index.ts";
export type {
  ProducerQueue,
  WaitingPartition,
  BatchWait,
  BrokerRequests,
} from "../engine/index.ts";
export {
  openBuiltinScenario,
  builtinScenarios,
  builtinIdOf,
  checkScenarioDocument,
  openScenarioDocument,
  openScenarioText,
  scenarioFileText,
  runFileText,
} from "./open.ts";
export {
  finishReplay,
  openRun,
  openShareLink,
  shareLinkFor,
  snapshotOf,
  startReplay,
} from "./share.ts";
export type { OpenedShared, Replay, ReplayStep } from "./share.ts";
export { decodeShareLink } from "../scenario/index.ts";
export type { OpenedRun } from "../scenario/index.ts";
export { SANDBOX_KEY, browserStorage, createAutosave, loadSandbox } from "./sandbox.ts";
export type { Autosave, KeyValueStorage, LoadedSandbox } from "./sandbox.ts";
export { formatProblem } from "../scenario/index.ts";
export type { Problem, RunProblem, Scenario } from "../scenario/index.ts";
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
export {
  BREAKPOINT_OPTIONS,
  breakpointOf,
  breakpointNotice,
  breakpointReason,
  firstBreakpointHit,
} from "./breakpoints.ts";
export type { BreakpointKind, BreakpointHit, BreakpointOption } from "./breakpoints.ts";
export { createBreakpointStore, watchBreakpoints } from "./breakpointWatcher.ts";
export type {
  BreakpointStore,
  BreakpointStoreApi,
  BreakpointNotice,
  WatchOptions,
} from "./breakpointWatcher.ts";
export { HOTKEYS, BURST_RECORDS, hotkeyAction } from "./hotkeys.ts";
export type { Hotkey, HotkeyAction } from "./hotkeys.ts";
export { createComparePair, summarizeSide, differences, describeDifference } from "./compare.ts";
export type { ComparePair, SideSummary } from "./compare.ts";
export { COMPARE_PRESETS, findComparePreset, compareSpecs } from "./comparePresets.ts";
export type { ComparePreset, CompareSideSpec, CompareSpecs } from "./comparePresets.ts";
export { METRICS_SAMPLE_MS } from "./metrics.ts";
export type { Metrics, MetricsSample } from "./metrics.ts";
export { createLessonPlayer } from "./lessonStore.ts";
export type { LessonPlayer, LessonPlayerApi, StatusItem } from "./lessonStore.ts";
export { measureServices, holdsServices } from "./lessonServices.ts";
export { servicesSideIndex } from "../scenario/index.ts";
export { baselineOf, holds, measure, lagOf } from "./lessonConditions.ts";
export type { StepBaseline } from "./lessonConditions.ts";
export { describeCondition } from "./lessonDescribe.ts";
export { actionTaken, intendedCommand } from "./lessonActions.ts";
export { checkChallenge, challengeStars, openChallengeRun } from "./lessonChallenge.ts";
export type { ChallengeOutcome, PlanOutcome, ScoreInput } from "./lessonChallenge.ts";
export { lessonCatalog } from "./lessonCatalog.ts";
export {
  createProgressStore,
  parseProgress,
  serializeProgress,
  emptyProgress,
  blankLessonProgress,
  PROGRESS_KEY,
} from "./progress.ts";
export type {
  Progress,
  LessonProgress,
  ChallengeProgress,
  ProgressStore,
  ProgressStoreApi,
  ProgressStorage,
  ProgressRead,
} from "./progress.ts";
export type {
  Lesson,
  KafkaLesson,
  ServicesLesson,
  ServicesStepAction,
  Step,
  StepAction,
  Condition,
  Highlight,
  HighlightPanel,
  Predict,
  Challenge,
  ChallengeParameter,
  ParameterValues,
} from "../scenario/index.ts";
export type {
  Acks,
  AssignorName,
  ConsumerSpec,
  ConsumerState,
  GroupState,
  TopicConfig,
} from "../engine/index.ts";

// ---- "Before Kafka": direct calls against a broker, side by side ----
export {
  createServicesStore,
  servicesPresets,
  SERVICES_MIN_SPEED,
  SERVICES_MAX_SPEED,
} from "./servicesStore.ts";
export type {
  ServicesStore,
  ServicesStoreApi,
  ServicesOptions,
  ServicesUserAction,
} from "./servicesStore.ts";
export {
  createServicesRun,
  advanceServicesRun,
  seekServicesRun,
  issueServicesCommand,
  servicesRunTime,
  SERVICES_CHECKPOINT_MS,
} from "./servicesRun.ts";
export type { ServicesRun, ServicesSide } from "./servicesRun.ts";
export { sideFigures } from "./servicesFigures.ts";
export type { SideFigures } from "./servicesFigures.ts";
export { explainServicesEvent, SAMPLE_INTERVAL_MS } from "../engine/index.ts";
export type {
  ServicesPreset,
  PresetSide,
  ServicesCommand,
  ServicesEvent,
  ServicesState,
  ReceiverState as ServicesReceiver,
  QueueState as ServicesQueue,
  Flight,
  Sample as ServicesSample,
  FailReason,
} from "../engine/index.ts";
