// A fluent driver for engine tests (in the spirit of tldraw's TestEditor): build a cluster from a
// compact spec, script faults and sends at virtual times, and read what a student would see.
//
//   const sim = SimDriver.create({ brokers: 3, topics: [{ name: "orders", rf: 3 }] });
//   sim.produce("p", "k1").advance(100).kill(1).advance(10_000);
//   expect(sim.leaderOf("orders", 0)).toBe(2);

import {
  advanceTo,
  applyCommand,
  audit,
  createSimulation,
  explain,
  readRecords,
  type AuditReport,
  type BrokerConfig,
  type BrokerId,
  type Command,
  type ConsumerSpec,
  type ConsumerState,
  type GroupState,
  type PartitionOffsets,
  groupOffsets,
  type EngineError,
  type LogRecord,
  type PartitionState,
  type ProducerConfig,
  type ProducerState,
  type ReplicaState,
  type SimEvent,
  type SimEventType,
  type SimState,
  type SimulationSpec,
  type TopicConfig,
} from "../../src/engine/index.ts";

export interface TopicShorthand {
  name: string;
  /** Default 1. */
  partitions?: number;
  /** Default: the number of brokers, at most 3. */
  rf?: number;
  config?: Partial<TopicConfig>;
  /** Explicit replica lists (replicas[0] is the preferred leader); overrides placement. */
  assignment?: BrokerId[][];
}

export interface ProducerShorthand {
  id: string;
  topic: string;
  /** Records per second from the load generator; default 0 (only explicit produce()). */
  rate?: number;
  keys?: string[] | null;
  config?: Partial<ProducerConfig>;
}

export interface DriverSpec {
  /** Broker count (ids 1..n) or explicit ids. */
  brokers: number | BrokerId[];
  topics?: TopicShorthand[];
  producers?: ProducerShorthand[];
  config?: Partial<BrokerConfig>;
  seed?: number;
  timeline?: SimulationSpec["timeline"];
  consumers?: ConsumerSpec[];
}

export interface ProduceOptions {
  count?: number;
  partition?: number;
  value?: string | null;
}

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

export function toSimulationSpec(spec: DriverSpec): SimulationSpec {
  const ids =
    typeof spec.brokers === "number"
      ? Array.from({ length: spec.brokers }, (_, i) => i + 1)
      : spec.brokers;
  return {
    name: "test",
    seed: spec.seed ?? 1,
    brokers: ids.map((id) => ({ id })),
    config: spec.config ?? {},
    topics: (spec.topics ?? []).map((t) => ({
      name: t.name,
      partitions: t.assignment?.length ?? t.partitions ?? 1,
      replicationFactor: t.assignment?.[0]?.length ?? t.rf ?? Math.min(3, ids.length),
      config: t.config ?? {},
      ...(t.assignment ? { replicaAssignment: t.assignment } : {}),
    })),
    producers: (spec.producers ?? []).map((p) => ({
      id: p.id,
      topic: p.topic,
      ratePerSec: p.rate ?? 0,
      keys: p.keys ?? null,
      config: p.config ?? {},
    })),
    consumers: spec.consumers ?? [],
    timeline: spec.timeline ?? [],
  };
}

export class SimDriver {
  readonly state: SimState;
  private readonly trace: SimEvent[] = [];
  private readonly rejections: EngineError[] = [];

  private constructor(state: SimState) {
    this.state = state;
  }

  /** Builds the cluster; throws with the engine's messages if the spec is refused. */
  static create(spec: DriverSpec): SimDriver {
    const created = createSimulation(toSimulationSpec(spec));
    if (!created.ok)
      throw new Error(created.errors.map((e) => `${e.name}: ${e.message}`).join("; "));
    return new SimDriver(created.state);
  }

  get now(): number {
    return this.state.time;
  }

  // ---- time ----

  /** Advances to the absolute virtual time `ms` (no-op if already there). */
  at(ms: number): this {
    const result = advanceTo(this.state, ms, { events: this.trace, detail: true });
    if (!result.ok) throw new Error(result.error.message);
    return this;
  }

  advance(ms: number): this {
    return this.at(this.state.time + ms);
  }

  // ---- commands (applied now) ----

  command(command: Command): this {
    const result = applyCommand(this.state, command, { events: this.trace, detail: true });
    if (!result.ok) this.rejections.push(result.error);
    return this;
  }

  kill(broker: BrokerId): this {
    return this.command({ type: "killBroker", broker });
  }
  restart(broker: BrokerId): this {
    return this.command({ type: "restartBroker", broker });
  }
  shutdown(broker: BrokerId): this {
    return this.command({ type: "shutdownBroker", broker });
  }
  isolate(broker: BrokerId): this {
    return this.command({ type: "isolateBroker", broker });
  }
  heal(broker: BrokerId): this {
    return this.command({ type: "healBroker", broker });
  }
  /** Delays each of the broker's replica fetches by `delayMs` (0 = back to normal). */
  slow(broker: BrokerId, delayMs: number): this {
    return this.command({ type: "slowBroker", broker, delayMs });
  }
  electPreferredLeaders(topic?: string): this {
    return this.command(
      topic === undefined
        ? { type: "electPreferredLeaders" }
        : { type: "electPreferredLeaders", topic },
    );
  }
  setTopicConfig(topic: string, config: Partial<TopicConfig>): this {
    return this.command({ type: "setTopicConfig", topic, config });
  }
  produce(producer: string, key: string | null, options: ProduceOptions = {}): this {
    return this.command({
      type: "produce",
      producer,
      key,
      ...(options.value !== undefined ? { value: options.value } : {}),
      ...(options.partition !== undefined ? { partition: options.partition } : {}),
      ...(options.count !== undefined ? { count: options.count } : {}),
    });
  }

  /** Errors of commands the engine refused, in order. */
  rejected(): readonly EngineError[] {
    return this.rejections;
  }

  // ---- what a student sees ----

  partition(topic: string, partition: number): PartitionState {
    const p = this.state.topics[topic]?.partitions[partition];
    if (!p) throw new Error(`no partition ${topic}-${partition}`);
    return p;
  }

  replica(topic: string, partition: number, broker: BrokerId): ReplicaState {
    const r = this.partition(topic, partition).replicaStates[String(broker)];
    if (!r) throw new Error(`broker ${broker} has no replica of ${topic}-${partition}`);
    return r;
  }

  /** The controller's committed leader (-1 = offline). */
  leaderOf(topic: string, partition: number): BrokerId {
    return this.partition(topic, partition).leader;
  }
  /** The controller's committed ISR, sorted. */
  isrOf(topic: string, partition: number): BrokerId[] {
    return [...this.partition(topic, partition).isr].sort((a, b) => a - b);
  }
  epochOf(topic: string, partition: number): number {
    return this.partition(topic, partition).leaderEpoch;
  }
  hw(topic: string, partition: number, broker: BrokerId): number {
    return this.replica(topic, partition, broker).highWatermark;
  }
  leo(topic: string, partition: number, broker: BrokerId): number {
    return this.replica(topic, partition, broker).logEndOffset;
  }
  logStart(topic: string, partition: number, broker: BrokerId): number {
    return this.replica(topic, partition, broker).logStartOffset;
  }
  /** Every record the broker's replica holds, in offset order. */
  records(topic: string, partition: number, broker: BrokerId): LogRecord[] {
    const r = this.replica(topic, partition, broker);
    return readRecords(r, r.logStartOffset, r.logEndOffset, Number.MAX_SAFE_INTEGER);
  }
  offsets(topic: string, partition: number, broker: BrokerId): number[] {
    return this.records(topic, partition, broker).map((r) => r.offset);
  }
  producer(id: string): ProducerState {
    const p = this.state.producers[id];
    if (!p) throw new Error(`no producer ${id}`);
    return p;
  }
  group(id: string): GroupState {
    const g = this.state.groups[id];
    if (!g) throw new Error(`no group ${id}`);
    return g;
  }
  consumer(id: string): ConsumerState {
    const c = this.state.consumers[id];
    if (!c) throw new Error(`no consumer ${id}`);
    return c;
  }
  /** kafka-consumer-groups --describe: committed offset, log end offset and lag per partition. */
  groupOffsets(id: string): PartitionOffsets[] {
    return groupOffsets(this.state, id);
  }
  /** The group's owners per partition: consumer ids of live members whose process owns it. */
  owners(groupId: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const c of Object.values(this.state.consumers))
      if (c.groupId === groupId && c.status !== "crashed")
        for (const pk of c.assignment) (out[pk] ??= []).push(c.id);
    return out;
  }
  controller(): BrokerId {
    return this.state.controller.active;
  }

  /** Every event so far (with detail), or those of one type. */
  events(): readonly SimEvent[];
  events<T extends SimEventType>(type: T): EventOf<T>[];
  events(type?: SimEventType): readonly SimEvent[] {
    return type === undefined ? this.trace : this.trace.filter((e) => e.type === type);
  }
  /** The student's event feed: `time: explanation` lines (optionally of one type). */
  feed(type?: SimEventType): string[] {
    return (type === undefined ? this.trace : this.events(type)).map(
      (e) => `${e.time}: ${explain(e)}`,
    );
  }

  audit(): AuditReport {
    return audit(this.state);
  }
}
