// A lesson is data: a scenario to run and the steps a student goes through on it, each with
// the words of a teacher, parts of the picture to look at, and what completes it (an action
// the student takes, a condition on the engine's state, or both). A challenge is a goal the
// engine checks by running the student's configuration under a fixed fault timeline.
// docs/lesson-format.md describes every field; validateLesson.ts reads an untrusted document.

import type {
  Command,
  FailReason,
  GroupStateName,
  ServicesCommand,
  SimulationSpec,
} from "../../engine/index.ts";
import type { Scenario, ScenarioCommand, TimelineEntry } from "../schema.ts";

/** A measured number must lie in this range (either bound may be absent, not both). */
export interface Range {
  atLeast?: number;
  atMost?: number;
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

/**
 * The closed set of conditions on the engine's state. Each is an object with exactly one key,
 * the kind; numbers are compared with a Range. Counts are totals since the run began, except
 * `elapsed` and `leaderChanged`, which compare with the moment the step began.
 */
export type Condition =
  | { time: Range }
  | { elapsed: Range }
  | { leaderChanged: PartitionRef }
  | { partitionOffline: PartitionRef }
  | { partitionOnline: PartitionRef }
  | { brokersDown: Range }
  | { isrSize: PartitionRef & Range }
  | { acknowledged: Range & { producer?: string } }
  | { producerFailed: Range & { producer: string; error?: string } }
  | { auditLost: Range }
  | { auditDuplicates: Range }
  | { auditOrderViolations: Range }
  | { logEndOffset: Range & { topic: string; partition?: number } }
  | { logStartOffset: PartitionRef & Range }
  | { groupMembers: Range & { groupId: string } }
  | { groupState: { groupId: string; state: GroupStateName } }
  | { groupLag: Range & { groupId: string } }
  | { consumed: Range & { groupId: string } }
  | { redelivered: Range & { groupId: string } }
  | { controllerChanged: Record<string, never> }
  | { noController: Record<string, never> }
  | ServicesCondition;

/**
 * Which side of a services comparison a condition reads: the side calling directly, the side
 * through a broker, or (push against pull) the side whose broker pushes or whose receivers pull.
 */
export type ServicesSideRef = "direct" | "broker" | "push" | "pull";

/** Conditions on the figures of the services simulation ("Before Kafka"). */
export type ServicesCondition =
  | { servicesDelivered: Range & { side: ServicesSideRef } }
  | { servicesFailed: Range & { side: ServicesSideRef; reason?: FailReason } }
  | { servicesQueueDepth: Range & { side: ServicesSideRef } }
  | { servicesDeadLettered: Range & { side: ServicesSideRef } }
  | { servicesDuplicates: Range & { side: ServicesSideRef } }
  | { servicesSenderBusy: Range & { side: ServicesSideRef } };

/** Where a step points the student's eyes: the player outlines it. */
export type Highlight =
  | { broker: number }
  | { leaderOf: PartitionRef }
  | { partition: PartitionRef }
  | { producer: string }
  | { group: string }
  | { panel: HighlightPanel }
  | { side: ServicesSideRef }
  | { receiver: string }
  | { servicesPanel: ServicesPanel };

/** Parts of the services comparison a step can point at. */
export type ServicesPanel = "figures" | "charts" | "controls" | "faults";

export type HighlightPanel =
  "cluster" | "topics" | "groups" | "producers" | "audit" | "events" | "timeline" | "controls";

/**
 * What the student is asked to do: a command, in the scenario timeline's form. `broker` may be
 * `{"leaderOf": ...}`: the broker that leads that partition when the step begins. With a
 * `label`, the step panel offers a button that issues the command; without one, the student
 * finds the control in the simulator (a broker's Kill button, say).
 */
export interface StepAction {
  command: ScenarioCommand;
  /** The same command in the engine's form, as the button issues it. */
  engineCommand: Command;
  /** Set when `broker` was given as {"leaderOf": ...}; `command.broker` is then a placeholder. */
  leaderOf?: PartitionRef;
  label?: string;
}

/** A services lesson's action: a command on both sides, or a switch to another situation. */
export interface ServicesStepAction {
  services: ServicesCommand | { type: "choosePreset"; preset: string };
  label?: string;
}

export interface PredictChoice {
  text: string;
  correct: boolean;
}

/** A multiple-choice question answered before the step's result is shown. */
export interface Predict {
  question: string;
  choices: PredictChoice[];
  /** Shown with the result, whichever choice was made: why it happened. */
  explanation: string;
}

export interface Step {
  /** Short, concrete, in a teacher's voice. */
  text: string;
  highlight: Highlight[];
  action?: StepAction | ServicesStepAction;
  /** All must hold (together with the action, if any) for the step to complete. */
  until: Condition[];
  predict?: Predict;
  /** Shown once the step is complete: what just happened, and why. */
  after?: string;
}

/** A knob of the challenge's scenario that the student sets. */
export type ParameterTarget =
  | { topicPartitions: string }
  | { replicationFactor: string }
  | {
      topicConfig: {
        topic: string;
        name: "min.insync.replicas" | "unclean.leader.election.enable";
      };
    }
  | { producerAcks: string }
  | { groupMembers: string };

export interface ChallengeParameter {
  id: string;
  label: string;
  target: ParameterTarget;
  /** The values offered, in order; `initial` is one of them. */
  choices: (number | string | boolean)[];
  initial: number | string | boolean;
  /** Resource cost per unit of the value (numbers only), for the score. */
  costPerUnit?: number;
}

export interface Challenge {
  title: string;
  goal: string;
  /** The scenario document the parameters are applied to (the lesson's, unless it has its own). */
  document: Record<string, unknown>;
  parameters: ChallengeParameter[];
  /** Each run is the student's scenario plus one of these fault timelines (one run if empty). */
  faultPlans: { name: string; timeline: TimelineEntry[] }[];
  /** How far each run goes (virtual ms). */
  until: number;
  /** All must hold at the end of every run. */
  pass: Condition[];
  hint: string;
  /** The parameter values of a passing answer. */
  solution: Record<string, number | string | boolean>;
  /** Why the solution works, shown after a pass or on request. */
  explanation: string;
  /** Resource cost of the cheapest passing answer: a pass at this cost keeps the cost star. */
  bestCost?: number;
}

interface LessonBase {
  id: string;
  /** Chapter number in teaching order (1 = the first). */
  chapter: number;
  title: string;
  /** One line: what the student will be able to explain afterwards. */
  summary: string;
  /** A link to another page of the app that shows this idea too ("?page=before-kafka"). */
  /** A link to another page of the app; `preset` opens one of the Compare page's comparisons. */
  seeAlso?: { page: string; label: string; preset?: string };
  steps: Step[];
  challenge?: Challenge;
}

/** A lesson on the Kafka simulator. */
export interface KafkaLesson extends LessonBase {
  simulation: "kafka";
  /** A built-in scenario's id, or the scenario itself. */
  scenarioId: string | null;
  scenario: Scenario;
  /** The scenario in the engine's terms, ready to run. */
  spec: SimulationSpec;
}

/** How a services lesson runs: a built-in situation, for how long, with or without its faults. */
export interface ServicesSetup {
  preset: string;
  /** How long each run lasts (virtual ms); the situation's own length if absent. */
  durationMs?: number;
  /** Keep the situation's own scheduled faults (true unless the lesson says false). */
  timeline: boolean;
}

/** A lesson on the services simulation: direct calls against a broker, side by side. */
export interface ServicesLesson extends LessonBase {
  simulation: "services";
  services: ServicesSetup;
}

export type Lesson = KafkaLesson | ServicesLesson;
