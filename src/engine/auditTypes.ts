// The ground truth a real cluster cannot show: every record a producer was told was written,
// and what became of it. Kept in the state so that it travels with checkpoints.

import type { Acks } from "./config.ts";
import type { BrokerId, VirtualMs } from "./types.ts";

/** One acknowledgement, shared by the ledger entries of the records it covered. */
export interface LedgerAck {
  producer: string;
  acks: Acks;
  /** Leader epoch of the leader that wrote the records. */
  leaderEpoch: number;
  leader: BrokerId;
  ackedAt: VirtualMs;
  /** Acknowledged by a leader the controller had already replaced (a zombie leader). */
  zombie: boolean;
}

/** One acknowledged record (per record, so kept small: the batch's facts are in `ack`). */
export interface LedgerEntry {
  offset: number;
  recordId: number;
  key: string | null;
  ack: LedgerAck;
}

export interface AppendedBatch {
  firstRecordId: number;
  lastRecordId: number;
  offset: number;
}

export interface PartitionLedger {
  /** In chunks (chunks.ts): a checkpoint copies only the last one, however long the run. */
  entries: LedgerEntry[][];
  /** Recent appends per producer, to tell a retry's second copy from a reordering. */
  recent: Record<string, AppendedBatch[]>;
  /**
   * The first `verified` entries were found in the committed leader's log at the last full
   * check. Until the next one (an election, a truncation, a compaction resets it) that log only
   * grows or loses a prefix to retention, so a retention sweep need not look them up again.
   */
  verified: number;
}

export interface LostRecord {
  topic: string;
  partition: number;
  /** null when the record never reached a leader (acks=0 into a dead broker). */
  offset: number | null;
  key: string | null;
  producer: string;
  cause: string;
  detectedAt: VirtualMs;
}

export interface DuplicateRecord {
  topic: string;
  partition: number;
  producer: string;
  offset: number;
  originalOffset: number;
  count: number;
}

export interface OrderViolation {
  topic: string;
  partition: number;
  producer: string;
  offset: number;
  /** The earlier-sent records landed after records sent later, which sit from this offset. */
  laterSentOffset: number;
}

export interface AuditState {
  acknowledged: number;
  /** Acknowledged records since deleted by retention or compaction: gone by design, not lost. */
  retired: number;
  ledgers: Record<string, PartitionLedger>;
  lost: LostRecord[];
  duplicates: DuplicateRecord[];
  orderViolations: OrderViolation[];
}

export function emptyAudit(): AuditState {
  return {
    acknowledged: 0,
    retired: 0,
    ledgers: {},
    lost: [],
    duplicates: [],
    orderViolations: [],
  };
}
