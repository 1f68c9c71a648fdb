// One plain-language line per event, for the event feed and the CLI.

import type { SimEvent } from "./events.ts";
import { explainGroupEvent, isGroupEvent } from "./groupExplain.ts";

const list = (ids: readonly number[]): string => (ids.length === 0 ? "none" : ids.join(", "));
const tp = (topic: string, partition: number): string => `${topic}-${partition}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function explain(e: SimEvent): string {
  if (isGroupEvent(e)) return explainGroupEvent(e);
  switch (e.type) {
    case "commandApplied":
      return e.summary;
    case "commandRejected":
      return `${e.error}: ${e.message}`;
    case "brokerKilled":
      return `Broker ${e.broker} crashed. Its log stays on disk; the controller will notice the missing heartbeats.`;
    case "brokerRestarted":
      return `Broker ${e.broker} restarted and registers with the controller.`;
    case "brokerShutDown":
      return `Broker ${e.broker} shut down cleanly after handing its leaderships over.`;
    case "brokerIsolated":
      return `Broker ${e.broker} is cut off from the other brokers and the controller (clients can still reach it).`;
    case "brokerHealed":
      return `Broker ${e.broker} can reach the cluster again.`;
    case "brokerSlowed":
      return `Broker ${e.broker} now waits ${e.delayMs} ms before each replica fetch.`;
    case "brokerAdded":
      return `Broker ${e.broker} joined the cluster${e.rack ? ` in rack ${e.rack}` : ""}; it hosts no replicas until partitions are assigned to it.`;
    case "brokerFenced":
      return e.reason === "sessionTimeout"
        ? `The controller fenced broker ${e.broker}: no heartbeat within broker.session.timeout.ms. It leaves every ISR and loses its leaderships.`
        : e.reason === "restarted"
          ? `The controller fenced the old incarnation of broker ${e.broker}, which restarted before its session expired.`
          : `The controller fenced broker ${e.broker} for a controlled shutdown.`;
    case "brokerUnfenced":
      return `The controller unfenced broker ${e.broker}: it can lead and rejoin ISRs again.`;
    case "controllerElected":
      return `Broker ${e.broker} became the active KRaft controller (epoch ${e.epoch}).`;
    case "controllerLost":
      return `No active controller: only ${e.alive} of ${e.voters.length} controller voters are reachable, a majority is needed. No leader can be elected until then.`;
    case "topicCreated":
      return `Topic ${e.topic} created with ${plural(e.partitions, "partition")}, replication factor ${e.replicationFactor}.`;
    case "topicConfigChanged":
      return `Topic ${e.topic} config changed: ${e.changes}.`;
    case "leaderElected": {
      const where = tp(e.topic, e.partition);
      switch (e.election) {
        case "initial":
          return `Broker ${e.leader} leads ${where} (epoch ${e.leaderEpoch}).`;
        case "clean":
          return `Broker ${e.leader} became leader of ${where} (epoch ${e.leaderEpoch}), chosen from the ISR [${list(e.isr)}]${e.previousLeader >= 0 ? ` after broker ${e.previousLeader}` : ""}.`;
        case "unclean":
          return `Unclean election: broker ${e.leader} was out of sync but became leader of ${where} (epoch ${e.leaderEpoch}); records only the old leader had are lost.`;
        case "preferred":
          return `Preferred leader election: leadership of ${where} moved back to broker ${e.leader} (epoch ${e.leaderEpoch}).`;
        case "controlledShutdown":
          return `Broker ${e.leader} took over ${where} (epoch ${e.leaderEpoch}) from broker ${e.previousLeader}, which is shutting down.`;
      }
      break;
    }
    case "partitionOffline":
      return `${tp(e.topic, e.partition)} is offline: no live replica is in its ISR [${list(e.isr)}]${e.unclean ? " and none is alive" : " and unclean.leader.election.enable is false"}. Writes and reads wait.`;
    case "isrShrunk":
      return e.reason === "fenced"
        ? `Broker ${list(e.removed)} left the ISR of ${tp(e.topic, e.partition)} because it is fenced; ISR now [${list(e.isr)}].`
        : `Leader ${e.leader} removed broker ${list(e.removed)} from the ISR of ${tp(e.topic, e.partition)}: not caught up within replica.lag.time.max.ms. ISR now [${list(e.isr)}].`;
    case "isrExpanded":
      return `Broker ${list(e.added)} caught up and rejoined the ISR of ${tp(e.topic, e.partition)}: [${list(e.isr)}].`;
    case "highWatermarkAdvanced":
      return `High watermark of ${tp(e.topic, e.partition)} on broker ${e.broker} advanced to ${e.highWatermark}: records below it are committed and readable.`;
    case "batchAppended":
      return `Broker ${e.broker} appended ${plural(e.count, "record")} from ${e.producer} to ${tp(e.topic, e.partition)} at offset ${e.baseOffset}.`;
    case "replicaFetched":
      return `Follower ${e.follower} fetched ${plural(e.count, "record")} of ${tp(e.topic, e.partition)} from leader ${e.leader}; its log end offset is ${e.logEndOffset}.`;
    case "recordsTruncated":
      return `Broker ${e.broker} truncated ${tp(e.topic, e.partition)} to offset ${e.truncatedTo}, dropping ${plural(e.count, "record")} that leader ${e.leader} (epoch ${e.leaderEpoch}) does not have.`;
    case "duplicateDropped":
      return `Broker ${e.broker} recognised a retry from idempotent producer ${e.producer} (same sequence numbers) and did not write ${plural(e.count, "record")} twice.`;
    case "produceAcknowledged":
      return `${e.producer}: ${plural(e.count, "record")} acknowledged at ${tp(e.topic, e.partition)} offset ${e.baseOffset}.`;
    case "produceRetried":
      return `${e.producer}: send of ${plural(e.count, "record")} to ${tp(e.topic, e.partition)} failed with ${e.error}; retrying (attempt ${e.attempt}).`;
    case "produceFailed":
      return `${e.producer}: ${plural(e.count, "record")} for ${tp(e.topic, e.partition)} failed for good with ${e.error}${e.error === "InvalidRecord" ? " (a compacted topic refuses records without a key)" : ""}.`;
    case "duplicateWritten":
      return `${e.producer} retried a batch the leader had already written: ${plural(e.count, "duplicate record")} at ${tp(e.topic, e.partition)} offset ${e.offset} (no idempotence).`;
    case "recordsLost":
      return `LOST ${plural(e.count, "acknowledged record")} of ${tp(e.topic, e.partition)}: ${e.cause}`;
    case "segmentsDeleted":
      return `Broker ${e.broker} deleted ${plural(e.segments, "old segment")} of ${tp(e.topic, e.partition)} (${e.reason}); the log now starts at offset ${e.logStartOffset}.`;
    case "logCompacted":
      return `The log cleaner compacted ${tp(e.topic, e.partition)} on broker ${e.broker}: ${plural(e.removed, "older record")} removed${e.tombstonesRemoved > 0 ? `, ${plural(e.tombstonesRemoved, "expired tombstone")}` : ""}; the latest value of each key stays.`;
    case "segmentRolled":
      return `Broker ${e.broker} rolled a new segment of ${tp(e.topic, e.partition)} at offset ${e.baseOffset}.`;
    case "simulationStalled":
      return e.message;
  }
  return "";
}
