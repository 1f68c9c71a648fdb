// The auditor: the ledger of records producers were told were written, and what became of
// them. Losses are detected where Kafka makes them happen (a leader elected without the
// record, a replica truncating it) and explained with the cause a student should learn.

import { joinKey } from "./intern.ts";
import { emit, emitBuilt, type Ctx } from "./context.ts";
import type { Acks } from "./config.ts";
import type { ElectionKind } from "./events.ts";
import { CHUNK_SIZE, pushChunked } from "./chunks.ts";
import { recordAt, recordCursor } from "./log.ts";
import type { LedgerAck, LedgerEntry, LostRecord, PartitionLedger } from "./auditTypes.ts";
import type { RedeliveryExample } from "./groupTypes.ts";
import type {
  BrokerId,
  LogRecord,
  PartitionState,
  PendingRecord,
  ReplicaState,
  SimState,
} from "./types.ts";

const RECENT_BATCHES = 16;

function ledgerOf(state: SimState, topic: string, partition: number): PartitionLedger {
  const key = joinKey(topic, "-", partition);
  return (
    state.audit.ledgers[key] ??
    (state.audit.ledgers[key] = { entries: [], recent: {}, verified: 0 })
  );
}

/** The first `n` entries, sharing the full chunks (never changed) and copying a partial one. */
function headChunks(chunks: readonly LedgerEntry[][], n: number): LedgerEntry[][] {
  const out: LedgerEntry[][] = [];
  let left = n;
  for (const chunk of chunks) {
    if (left <= 0) break;
    if (left >= chunk.length && chunk.length === CHUNK_SIZE) out.push(chunk);
    else out.push(chunk.slice(0, left));
    left -= chunk.length;
  }
  return out;
}

const acksText = (acks: Acks): string => `acks=${String(acks)}`;

/** A producer was told these records were written (acks=1/all: the response; acks=0: the send). */
export function onAcknowledged(
  state: SimState,
  producer: string,
  topic: string,
  partition: number,
  baseOffset: number,
  records: readonly { recordId: number; key: string | null }[],
  acks: Acks,
  leader: BrokerId,
  leaderEpoch: number,
): void {
  const ledger = ledgerOf(state, topic, partition);
  state.audit.acknowledged += records.length;
  const zombie =
    (state.topics[topic]?.partitions[partition]?.leaderEpoch ?? leaderEpoch) > leaderEpoch;
  const entries = ledger.entries;
  const ack: LedgerAck = { producer, acks, leaderEpoch, leader, ackedAt: state.time, zombie };
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    pushChunked(entries, { offset: baseOffset + i, recordId: r.recordId, key: r.key, ack });
  }
}

/** acks=0 records that never reached a leader: the producer counted them as sent. */
export function onUnacknowledgedDrop(
  ctx: Ctx,
  producer: string,
  topic: string,
  partition: number,
  records: readonly PendingRecord[],
  broker: BrokerId,
): void {
  const s = ctx.state;
  // The producer counted them as written when it sent them: they are acknowledged, and lost.
  s.audit.acknowledged += records.length;
  const cause = `acks=0: the request to broker ${broker} never arrived (the broker was unreachable) and the producer, which does not wait for answers, was never told.`;
  for (const r of records)
    s.audit.lost.push({
      topic,
      partition,
      offset: null,
      key: r.key,
      producer,
      cause,
      detectedAt: s.time,
    });
  const time = s.time;
  emit(ctx, () => ({
    type: "recordsLost",
    time,
    topic,
    partition,
    offsets: [],
    count: records.length,
    cause,
  }));
}

/** Called on every leader append: finds the second copies written by retries, and reorderings. */
export function onLeaderAppend(
  ctx: Ctx,
  leader: ReplicaState,
  producer: string,
  topic: string,
  partition: number,
  baseOffset: number,
  records: readonly LogRecord[],
): void {
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) return;
  const s = ctx.state;
  const ledger = ledgerOf(s, topic, partition);
  const recent = ledger.recent[producer] ?? (ledger.recent[producer] = []);
  let copy: (typeof recent)[number] | undefined;
  let later: (typeof recent)[number] | undefined;
  for (let i = 0; i < recent.length; i++) {
    const b = recent[i]!;
    const overlaps = first.recordId <= b.lastRecordId && last.recordId >= b.firstRecordId;
    if (!overlaps && (later !== undefined || b.firstRecordId <= last.recordId)) continue;
    // Written by a leader whose log this one does not continue (a zombie cut off from the
    // cluster, say): that copy will be truncated, so it neither doubles nor orders anything.
    if (vanishedFrom(leader, baseOffset, b)) {
      recent.splice(i--, 1);
      continue;
    }
    if (overlaps) {
      copy = b;
      break;
    }
    later = b;
  }
  if (copy) {
    s.audit.duplicates.push({
      topic,
      partition,
      producer,
      offset: baseOffset,
      originalOffset: copy.offset,
      count: records.length,
    });
    emitBuilt(ctx, {
      type: "duplicateWritten",
      time: s.time,
      producer,
      topic,
      partition,
      offset: baseOffset,
      count: records.length,
    });
  } else if (later)
    s.audit.orderViolations.push({
      topic,
      partition,
      producer,
      offset: baseOffset,
      laterSentOffset: later.offset,
    });
  recent.push({ firstRecordId: first.recordId, lastRecordId: last.recordId, offset: baseOffset });
  if (recent.length > RECENT_BATCHES) recent.shift();
}

/**
 * Whether a batch written earlier is no longer in this replica's log where it was written,
 * looking below `logEnd` (the log's end before an append being checked, which may have just
 * put the very same records at that offset again).
 */
function vanishedFrom(
  r: ReplicaState,
  logEnd: number,
  b: { firstRecordId: number; offset: number },
): boolean {
  // A batch compacted away (no record at its offset) still happened: it stays.
  return (
    b.offset >= logEnd ||
    (b.offset >= r.logStartOffset &&
      (recordAt(r, b.offset)?.recordId ?? b.firstRecordId) !== b.firstRecordId)
  );
}

function holdersOf(
  state: SimState,
  p: PartitionState,
  entry: LedgerEntry,
  except: BrokerId[],
): BrokerId[] {
  return p.replicas.filter(
    (id) =>
      !except.includes(id) &&
      recordAt(p.replicaStates[id]!, entry.offset)?.recordId === entry.recordId,
  );
}

function describeFate(state: SimState, broker: BrokerId): string {
  const b = state.brokers[broker];
  if (!b) return "went away";
  if (b.status === "offline") return "crashed";
  if (b.isolated) return "was cut off from the cluster";
  if (b.status === "shuttingDown") return "shut down";
  return "lost its leadership";
}

function lossCause(
  state: SimState,
  p: PartitionState,
  entry: LedgerEntry,
  election: ElectionKind | "truncation",
): string {
  const newLeader = p.leader;
  const at = `offset ${entry.offset}`;
  if (election === "unclean") {
    return `unclean leader election: broker ${newLeader} was out of sync and became leader (epoch ${p.leaderEpoch}) without ${at}, which ${acksText(entry.ack.acks)} had acknowledged from leader ${entry.ack.leader}.`;
  }
  if (entry.ack.zombie) {
    return `${acksText(entry.ack.acks)}: broker ${entry.ack.leader} still acted as leader (epoch ${entry.ack.leaderEpoch}) and acknowledged ${at}, but broker ${newLeader} had taken over (epoch ${p.leaderEpoch}); the record is not in the new leader's log, and the old leader truncates it when it rejoins.`;
  }
  const holders = holdersOf(state, p, entry, [entry.ack.leader, newLeader]);
  const copied =
    holders.length === 0
      ? `before any follower fetched ${at}`
      : `before broker ${newLeader} fetched ${at} (only broker ${holders.join(", ")} had it, and will truncate it)`;
  const isrNote =
    entry.ack.acks === "all"
      ? " The ISR had shrunk to the leader alone, so acks=all waited for nobody."
      : "";
  return `${acksText(entry.ack.acks)}: leader ${entry.ack.leader} ${describeFate(state, entry.ack.leader)} ${copied}; broker ${newLeader} became leader (epoch ${p.leaderEpoch}) without it.${isrNote}`;
}

/**
 * Moves every acknowledged record the partition's committed leader cannot serve to the lost
 * list, and every one deleted by retention or compaction to the retired count. After segment
 * deletion (`prefixOnly`) the entries verified at the last full check are only compared with
 * the log start offset: deletion removes a prefix of the log and nothing else.
 */
function settle(
  ctx: Ctx,
  p: PartitionState,
  election: ElectionKind | "truncation",
  prefixOnly = false,
): void {
  const s = ctx.state;
  if (p.leader < 0) return;
  const ledger = s.audit.ledgers[joinKey(p.topic, "-", p.partition)];
  if (!ledger || ledger.entries.length === 0) return;
  const verified = prefixOnly ? ledger.verified : 0;
  const leader = p.replicaStates[p.leader]!;
  const compacted = s.topics[p.topic]!.config.cleanupPolicy !== "delete";
  const lost: LostRecord[] = [];
  const chunks = ledger.entries;
  // Built only once an entry leaves the ledger: a sweep that changes nothing allocates nothing.
  let keep: LedgerEntry[][] | null = null;
  // Entries are mostly in offset order: one forward walk of the log finds them all.
  const lookup = recordCursor(leader);
  // How many leading entries are found in the log (the next sweep's verified prefix).
  let found = 0;
  let unbroken = true;
  let i = -1;
  for (const chunk of chunks)
    for (const e of chunk) {
      i++;
      if (e.offset < leader.logStartOffset) {
        keep ??= headChunks(chunks, i);
        s.audit.retired++;
        continue;
      }
      if (i < verified) {
        if (keep) pushChunked(keep, e);
        if (unbroken) found++;
        continue;
      }
      if (e.offset < leader.logEndOffset) {
        const rec = lookup(e.offset);
        if (rec?.recordId === e.recordId) {
          if (keep) pushChunked(keep, e);
          if (unbroken) found++;
          continue;
        }
        if (!rec && compacted && e.offset < leader.highWatermark) {
          keep ??= headChunks(chunks, i);
          s.audit.retired++;
          continue;
        }
      } else if (e.ack.leaderEpoch >= p.leaderEpoch) {
        if (keep) pushChunked(keep, e); // Written by the current leader and not visible yet in this view.
        unbroken = false;
        continue;
      }
      unbroken = false;
      keep ??= headChunks(chunks, i);
      lost.push({
        topic: p.topic,
        partition: p.partition,
        offset: e.offset,
        key: e.key,
        producer: e.ack.producer,
        cause: lossCause(s, p, e, election),
        detectedAt: s.time,
      });
    }
  ledger.verified = found;
  if (keep === null) return;
  ledger.entries = keep;
  if (lost.length === 0) return;
  s.audit.lost.push(...lost);
  const time = s.time;
  const offsets = lost.map((l) => l.offset ?? -1);
  const cause = lost[0]!.cause;
  emit(ctx, () => ({
    type: "recordsLost",
    time,
    topic: p.topic,
    partition: p.partition,
    offsets,
    count: lost.length,
    cause,
  }));
}

/**
 * Forgets the appends the partition's leader no longer has (a leader wrote them and lost them
 * in an election or a truncation, acknowledged or not), so that a retry writing them again is
 * not taken for a duplicate, nor for a reordering.
 */
function forgetVanishedAppends(s: SimState, p: PartitionState): void {
  if (p.leader < 0) return;
  const ledger = s.audit.ledgers[joinKey(p.topic, "-", p.partition)];
  if (!ledger) return;
  const leader = p.replicaStates[p.leader]!;
  for (const list of Object.values(ledger.recent))
    for (let i = list.length - 1; i >= 0; i--)
      if (vanishedFrom(leader, leader.logEndOffset, list[i]!)) list.splice(i, 1);
}

export function onLeaderElected(
  ctx: Ctx,
  p: PartitionState,
  _previousLeader: BrokerId,
  election: ElectionKind,
): void {
  forgetVanishedAppends(ctx.state, p);
  settle(ctx, p, election);
}

export function onTruncated(ctx: Ctx, p: PartitionState): void {
  forgetVanishedAppends(ctx.state, p);
  settle(ctx, p, "truncation");
}

/** The leader deleted old segments: a prefix of its log is gone, nothing else changed. */
export function onSegmentsDeleted(ctx: Ctx, p: PartitionState): void {
  settle(ctx, p, "truncation", true);
}

/**
 * A replica was compacted: records may be gone from the middle of its log. The ledger's
 * verified prefix no longer holds if it was the committed leader's; the leader's own
 * compaction settles the ledger at once.
 */
export function onCompacted(
  ctx: Ctx,
  p: PartitionState,
  broker: BrokerId,
  isLeader: boolean,
): void {
  const ledger = ctx.state.audit.ledgers[joinKey(p.topic, "-", p.partition)];
  if (ledger && broker === p.leader) ledger.verified = 0;
  if (isLeader) settle(ctx, p, "truncation");
}

export interface AuditReport {
  acknowledged: number;
  retired: number;
  lost: LostRecord[];
  duplicates: SimState["audit"]["duplicates"];
  orderViolations: SimState["audit"]["orderViolations"];
  /** Records a consumer group received more than once, per group, with the cause. */
  redelivered: GroupRedelivery[];
}

export interface GroupRedelivery {
  groupId: string;
  count: number;
  examples: RedeliveryExample[];
  /** Records a member received at or above the HW of its fetch (Kafka never allows it: 0). */
  aboveHighWatermark: number;
}

/** The audit as of now: a read-only sweep over a copy of the ledger (the state is not changed). */
export function audit(state: SimState): AuditReport {
  const copy: SimState = {
    ...state,
    audit: JSON.parse(JSON.stringify(state.audit)) as SimState["audit"],
  };
  const ctx: Ctx = { state: copy, events: null, detail: false };
  for (const t of Object.values(state.topics))
    for (const p of t.partitions) settle(ctx, p, "truncation");
  return {
    acknowledged: copy.audit.acknowledged,
    retired: copy.audit.retired,
    lost: copy.audit.lost,
    duplicates: copy.audit.duplicates,
    orderViolations: copy.audit.orderViolations,
    redelivered: Object.values(state.groups)
      .map((g) => ({
        groupId: g.groupId,
        count: g.redelivered.count,
        examples: g.redelivered.examples.slice(),
        aboveHighWatermark: g.aboveHighWatermark,
      }))
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0)),
  };
}
