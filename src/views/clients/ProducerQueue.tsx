import {
  describeProducerQueue,
  type BatchWait,
  type SimState,
  type WaitingPartition,
} from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import "./producerQueue.css";

/** Rows shown per list: a class reads six at a glance; the rest are counted. */
const MAX_ROWS = 6;

const NUMBER = new Intl.NumberFormat("en");

function plural(n: number, one: string, many: string): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** A span of virtual time; the clock may stand between milliseconds, so what is left rounds up. */
function duration(ms: number, round: (n: number) => number = Math.round): string {
  const span = round(Math.max(0, ms));
  return span < 1000 ? `${span} ms` : `${(span / 1000).toFixed(1)} s`;
}

/** The engine's reason, in words; `tone` marks the troubled ones (the words say it too). */
function waitText(
  wait: BatchWait,
  leader: number,
  now: number,
): { text: string; tone: "" | "trouble" } {
  switch (wait.kind) {
    case "lingering":
      return { text: `lingering (${duration(wait.until - now, Math.ceil)} left)`, tone: "" };
    case "ready":
      return {
        text: wait.inFlightLimit
          ? `ready, waits for a free request slot to broker ${leader}`
          : "ready to send",
        tone: "",
      };
    case "retrying":
      return { text: `retrying in ${duration(wait.at - now, Math.ceil)}`, tone: "trouble" };
    case "noLeader":
      return {
        text:
          wait.unreachable === null
            ? "no leader"
            : `no leader (broker ${wait.unreachable} unreachable)`,
        tone: "trouble",
      };
    case "inOrder":
      return {
        text:
          wait.why === "maxInFlightOne"
            ? "waits for its batch in flight (max.in.flight=1)"
            : "waits for earlier requests (sequence reset)",
        tone: "",
      };
  }
}

function partitionRow(p: WaitingPartition, now: number) {
  const { text, tone } = waitText(p.wait, p.leader, now);
  return {
    name: `${p.topic}-${p.partition}`,
    why: `${text}${p.attempt > 1 ? ` (attempt ${p.attempt})` : ""}`,
    tone,
    size:
      p.batches === 1
        ? plural(p.records, "record", "records")
        : `${plural(p.records, "record", "records")} in ${p.batches} batches`,
  };
}

/** A small plain result: at most MAX_ROWS rows per list, with times relative to now. */
function queueView(state: SimState, id: string) {
  const q = describeProducerQueue(state, id);
  if (!q) return null;
  return {
    records: q.waitingRecords,
    batches: q.waitingBatches,
    partitions: q.partitions.slice(0, MAX_ROWS).map((p) => partitionRow(p, q.time)),
    morePartitions: Math.max(0, q.partitions.length - MAX_ROWS),
    brokers: q.inFlight.slice(0, MAX_ROWS).map((r) => ({
      broker: r.broker,
      requests: r.requests,
      max: r.max,
      records: r.records,
      age: q.time - r.oldestSentAt,
    })),
    moreBrokers: Math.max(0, q.inFlight.length - MAX_ROWS),
  };
}

/**
 * The record accumulator and the requests in flight: what waits per partition and why, and
 * how many requests each broker's connection carries against max.in.flight.
 */
export function ProducerQueue({ id }: { id: string }) {
  const q = useSimStable((s) => queueView(s.run.state, id), { playingEvery: 4 });
  if (!q) return null;
  return (
    <section className="producer-queue" aria-label={`Accumulator of ${id}`}>
      <h4>Accumulator</h4>
      <HowItSends id={id} />
      <p className="pq-line">
        {q.records === 0
          ? "Nothing waiting."
          : `${plural(q.records, "record", "records")} waiting in ${plural(q.batches, "batch", "batches")}:`}
      </p>
      {q.partitions.length > 0 && (
        <ul className="pq-list" aria-label={`Batches waiting in ${id}`}>
          {q.partitions.map((p) => (
            <li key={p.name}>
              <span className="pq-name">{p.name}</span>{" "}
              <span className={p.tone === "trouble" ? "pq-trouble" : undefined}>{p.why}</span>{" "}
              <span className="muted">· {p.size}</span>
            </li>
          ))}
          {q.morePartitions > 0 && (
            <li className="muted">
              and {plural(q.morePartitions, "more partition", "more partitions")}
            </li>
          )}
        </ul>
      )}
      <p className="pq-line">{q.brokers.length === 0 ? "No requests in flight." : "In flight:"}</p>
      {q.brokers.length > 0 && (
        <ul className="pq-list" aria-label={`Requests in flight from ${id}`}>
          {q.brokers.map((r) => (
            <li key={r.broker}>
              <span className="pq-name">to broker {r.broker}:</span>{" "}
              <span className={r.requests >= r.max ? "pq-full" : undefined}>
                {r.requests} of {r.max} requests{r.requests >= r.max ? " (full)" : ""}
              </span>{" "}
              <span className="muted">
                · {plural(r.records, "record", "records")}
                {` · oldest sent ${duration(r.age)} ago`}
              </span>
            </li>
          ))}
          {q.moreBrokers > 0 && (
            <li className="muted">and {plural(q.moreBrokers, "more broker", "more brokers")}</li>
          )}
        </ul>
      )}
    </section>
  );
}

/** The producer's settings that shape its batches and requests, for a student to read once. */
function sendingConfig(state: SimState, id: string) {
  const c = state.producers[id]?.config;
  return c
    ? {
        linger: c.lingerMs,
        batchSize: c.batchSize,
        maxInFlight: c.maxInFlightRequestsPerConnection,
      }
    : null;
}

/** What the block shows, in three sentences with this producer's own settings. */
function HowItSends({ id }: { id: string }) {
  const c = useSimStable((s) => sendingConfig(s.run.state, id));
  if (!c) return null;
  return (
    <details className="pq-how">
      <summary>How a producer sends</summary>
      <p>
        Records wait here in a batch per partition until it holds batch.size (
        {NUMBER.format(c.batchSize)} bytes) or has waited linger.ms ({c.linger} ms). Then each
        broker gets one request carrying a batch for every partition it leads; at most{" "}
        {c.maxInFlight} requests (max.in.flight.requests.per.connection) wait for their answers per
        broker. A batch that failed waits retry.backoff.ms and goes again, still first in its
        partition.
      </p>
    </details>
  );
}
