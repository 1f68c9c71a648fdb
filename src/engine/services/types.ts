// The services model: a sender delivering messages to services either by calling them directly
// (synchronous request and response) or through a broker. Plain JSON-safe data, like the Kafka
// engine's state, so a run can be cloned, replayed and compared side by side.

export type VirtualMs = number;

/** How one side of a comparison moves its messages. */
export type Mode = "direct" | "broker";
/** How a broker hands messages to receivers: they ask for them (pull) or it sends them (push). */
export type Delivery = "pull" | "push";

/** One kind of receiving service, run as `instances` identical receivers. */
export interface ServiceSpec {
  id: string;
  instances: number;
  /** Mean processing time of one message (each draw varies by up to 20% either way). */
  serviceMs: number;
  /** Worker threads per receiver: messages it processes at the same time. */
  threads: number;
  /** Open connections a receiver accepts (direct calls); more are refused. */
  maxConnections: number;
  /** Requests (or pushed messages) a receiver holds while every thread is busy; more are refused. */
  backlog: number;
}

export interface ServicesSpec {
  name: string;
  seed: number;
  /** How long the situation runs, in virtual ms. */
  durationMs: VirtualMs;
  /** Messages per second the sender emits at the start (arrivals are random, Poisson). */
  ratePerSecond: number;
  /** Share of messages that are malformed (0..1). */
  badFraction: number;
  /** Values of the `type` field messages carry; each message draws one. */
  kinds: string[];
  /** Which services want which kind (routing by a field); null: every service gets everything. */
  routes: Record<string, string[]> | null;
  /** Reshaping a message for its receiver costs this much work (0: no transformation). */
  transformMs: number;
  services: ServiceSpec[];
  /** One-way network latency between any two parties. */
  latencyMs: number;
  sender: {
    /** Calls (or publishes) the sender runs at once; a message holds one until it is done. */
    threads: number;
    /** Messages waiting in the sender's memory for a free thread; more fail at once. */
    backlog: number;
    /** Give up on a call (or publish) with no answer after this long, then maybe retry. */
    timeoutMs: number;
    retries: number;
    /** First retry waits this long, each next one twice as long. */
    backoffMs: number;
  };
  direct: {
    /** TCP + TLS set-up of a new connection. */
    handshakeMs: number;
    /** Reuse connections (HTTP keep-alive) instead of opening one per call. */
    keepAlive: boolean;
  };
  broker: {
    /** Messages one queue holds (waiting plus handed out, not yet acknowledged). */
    queueCapacity: number;
    delivery: Delivery;
    /** Send malformed messages to a dead-letter queue instead of to receivers. */
    validate: boolean;
    /** The broker's own work per publish (it handles publishes one at a time). */
    workMs: number;
    /** A receiver that finds its queue empty asks again after this long (also when the broker is down). */
    pollRetryMs: number;
  };
  timeline: { at: VirtualMs; command: ServicesCommand }[];
}

/** Everything that changes a run from outside: plain data, stamped with a virtual time. */
export type ServicesCommand =
  | { type: "setRate"; perSecond: number }
  | { type: "stopReceiver"; receiver: string }
  | { type: "startReceiver"; receiver: string }
  | { type: "slowReceiver"; receiver: string; serviceMs: number }
  | { type: "addReceiver"; service: string }
  | { type: "stopBroker" }
  | { type: "startBroker" };

/** Why a message did not reach a service. */
export type FailReason =
  | "receiver down"
  | "too many connections"
  | "receiver busy"
  | "timed out"
  | "sender overloaded"
  | "invalid message"
  | "queue full"
  | "broker down"
  | "overwhelmed by push";

/** A message, as far as one service is concerned: reaching that service is one delivery. */
export interface DeliveryState {
  id: number;
  message: number;
  service: string;
  createdAt: VirtualMs;
  bad: boolean;
  status: "pending" | "delivered" | "failed" | "deadLettered";
  /** The latest reason it may fail for; it fails only once nothing can deliver it any more. */
  reason: FailReason | null;
  /** Copies or calls that may still process it (in flight, queued, being processed). */
  live: number;
  /** The sender is still working on it (calling, waiting to retry, publishing). */
  held: boolean;
  processed: number;
}

/** One direct call or one publish: the sender waits for its answer or its timeout. */
export interface Attempt {
  id: number;
  job: number;
  message: number;
  /** The receiver called, or "broker". */
  to: string;
  /** Deliveries it carries (one for a call, every target for a publish). */
  deliveries: number[];
  sentAt: VirtualMs;
  /** Needs a new connection (TCP and TLS handshake) rather than a kept-alive one. */
  newConnection: boolean;
  /** Its connection counts against the receiver's limit (opened, not yet closed). */
  connected: boolean;
  /** The receiver's incarnation when the connection was made (a restart drops connections). */
  incarnation: number;
  /** The sender stopped waiting (answer or timeout). */
  senderDone: boolean;
  /** Where a direct call is: travelling, waiting in a backlog, being processed. */
  phase: "travelling" | "queued" | "processing" | "ended";
}

/** A message the sender works on: it calls every target in turn, or publishes once. */
export interface Job {
  id: number;
  message: number;
  bad: boolean;
  deliveries: number[];
  /** Index of the delivery being called (direct) or 0 (broker). */
  index: number;
  tries: number;
  startedAt: VirtualMs;
  attempt: number;
}

/** A copy of a delivery in a broker queue or on its way to or at a receiver. */
export interface Entry {
  /** Ids, not object identity, match entries: a cloned state holds copies. */
  id: number;
  delivery: number;
  enqueuedAt: VirtualMs;
}

/** Work a receiver holds: a direct call or a broker entry. */
export interface Work {
  id: number;
  /** The direct call, or -1 for a broker entry. */
  attempt: number;
  entry: Entry | null;
  /** Puller slot that fetched it (pull mode), else -1. */
  slot: number;
}

export interface ReceiverState {
  id: string;
  service: string;
  up: boolean;
  /** Bumped at each stop, so work started before a crash is recognized as gone. */
  incarnation: number;
  serviceMs: number;
  threads: number;
  maxConnections: number;
  backlogLimit: number;
  /** Work on the threads now. */
  processing: Work[];
  backlog: Work[];
  /** Connections open to it (direct). */
  connections: number;
  /** Idle kept-alive connections the sender holds to it. */
  idleConnections: number;
  /** Broker entries sent to it or being processed (given back to the queue if it stops). */
  holding: Entry[];
  processedCount: number;
}

export interface QueueState {
  service: string;
  ready: Entry[];
  /** Handed out, not yet acknowledged. */
  unacked: number;
  /** Pull requests waiting at the broker for a message (receiver id and slot). */
  waiting: { receiver: string; slot: number }[];
  rejected: number;
  /** Push mode: next instance to push to. */
  next: number;
}

export interface BrokerState {
  up: boolean;
  incarnation: number;
  /** The broker handles publishes one at a time: when it is free again. */
  freeAt: VirtualMs;
  queues: Record<string, QueueState>;
  deadLetters: number;
  transformed: number;
  routed: number;
}

/** Something in flight between two parties, for drawing. */
export interface Flight {
  id: number;
  kind: "call" | "reply" | "refusal" | "publish" | "ack" | "deliver" | "pull";
  from: string;
  to: string;
  sentAt: VirtualMs;
  arrivesAt: VirtualMs;
}

export interface Sample {
  t: VirtualMs;
  delivered: number;
  failed: number;
  /** p99 end-to-end latency of deliveries completed in this interval (null: none). */
  p99: number | null;
  /** Messages waiting: broker queues, or the sender's and receivers' backlogs. */
  waiting: number;
  /** Share of the sender's threads busy in this interval (0..1). */
  senderBusy: number;
}

export interface Metrics {
  messages: number;
  deliveries: number;
  delivered: number;
  failed: number;
  deadLettered: number;
  duplicates: number;
  failedBy: Partial<Record<FailReason, number>>;
  /** End-to-end latency of each delivered delivery, in completion order. */
  latencies: number[];
  connectionsOpened: number;
  retries: number;
  /** Thread-milliseconds the sender spent on finished jobs. */
  senderBusyMs: number;
  calls: number;
}

export type ServicesTask =
  | { kind: "command"; command: ServicesCommand }
  | { kind: "arrival"; epoch: number }
  | { kind: "sample" }
  | { kind: "callArrives"; attempt: number }
  | { kind: "callAnswered"; attempt: number; outcome: "ok" | "invalid" | FailReason }
  | { kind: "callTimeout"; attempt: number }
  | { kind: "startJob"; job: number }
  | { kind: "retry"; job: number }
  | { kind: "workDone"; receiver: string; incarnation: number; work: Work }
  | { kind: "publishHandled"; attempt: number; incarnation: number }
  | { kind: "pullArrives"; receiver: string; slot: number; incarnation: number }
  | { kind: "entryArrives"; receiver: string; slot: number; incarnation: number; entry: Entry }
  | { kind: "ackArrives"; service: string; brokerIncarnation: number };

export interface ScheduledTask {
  at: VirtualMs;
  seq: number;
  task: ServicesTask;
}

export interface SenderState {
  busyThreads: number;
  waiting: number[];
  /** Started time of each running job, to measure busy time as it accrues. */
  running: Record<string, VirtualMs>;
  /** Next receiver of each service to call (round robin). */
  nextInstance: Record<string, number>;
  /** Broker mode: the sender's connection to the broker is open. */
  brokerConnected: boolean;
}

export interface ServicesState {
  version: 1;
  name: string;
  mode: Mode;
  seed: number;
  time: VirtualMs;
  seq: number;
  queue: ScheduledTask[];
  rng: Record<string, number>;
  spec: ServicesSpec;
  ratePerSecond: number;
  arrivalEpoch: number;
  nextId: number;
  sender: SenderState;
  receivers: Record<string, ReceiverState>;
  /** Receiver ids in the order they were added. */
  receiverOrder: string[];
  broker: BrokerState | null;
  jobs: Record<string, Job>;
  attempts: Record<string, Attempt>;
  deliveries: Record<string, DeliveryState>;
  flights: Flight[];
  /** Recent failures, for drawing a flash where they happened (newest last, bounded). */
  recentFailures: { at: VirtualMs; where: string; reason: FailReason }[];
  metrics: Metrics;
  samples: Sample[];
  lastSample: { t: VirtualMs; latencyIndex: number; busyMs: number };
  commandLog: { at: VirtualMs; command: ServicesCommand }[];
}
