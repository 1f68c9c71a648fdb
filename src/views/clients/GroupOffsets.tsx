import { memo, useState } from "react";
import { groupOffsets, type SimState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import "./offsets.css";

interface OffsetRow {
  partition: string;
  owner: string;
  committed: number | null;
  logEndOffset: number;
  lag: number | null;
}

function rows(s: SimState, groupId: string): OffsetRow[] {
  return groupOffsets(s, groupId).map((o) => ({
    partition: `${o.topic}-${o.partition}`,
    owner: o.owner ?? "–",
    committed: o.committed,
    logEndOffset: o.logEndOffset,
    lag: o.lag,
  }));
}

/**
 * Past this many partitions the panel sums the offsets up and lists them on request: a table
 * of hundreds of rows changing on every frame is unreadable, and costs every frame its layout.
 */
const OFFSETS_LISTED = 24;

const NUMBER = new Intl.NumberFormat("en");

/** One row; memoized, so that only the rows whose offsets moved render again. */
const Row = memo(function Row({ o }: { o: OffsetRow }) {
  return (
    <tr>
      <th scope="row">{o.partition}</th>
      <td>{o.committed ?? "–"}</td>
      <td>{o.logEndOffset}</td>
      <td className={o.lag !== null && o.lag > 0 ? "lagging" : undefined}>{o.lag ?? "–"}</td>
      <td>{o.owner}</td>
    </tr>
  );
});

function OffsetsTable({ caption, offsets }: { caption: string; offsets: readonly OffsetRow[] }) {
  return (
    <div className="offsets-wrap">
      <table className="data offsets">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col">Committed</th>
            <th scope="col">Log end</th>
            <th scope="col">Lag</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {offsets.map((o) => (
            <Row key={o.partition} o={o} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a long table would say, in one line: how much the group lags, and where most. */
function summaryOf(offsets: readonly OffsetRow[]) {
  let lag = 0;
  let lagging = 0;
  let committed = 0;
  let worst: OffsetRow | null = null;
  for (const o of offsets) {
    if (o.committed !== null) committed++;
    if (o.lag === null || o.lag <= 0) continue;
    lag += o.lag;
    lagging++;
    if (!worst || o.lag > worst.lag!) worst = o;
  }
  return { lag, lagging, committed, worst };
}

function LongOffsets({ groupId, offsets }: { groupId: string; offsets: readonly OffsetRow[] }) {
  const [open, setOpen] = useState(false);
  const { lag, lagging, committed, worst } = summaryOf(offsets);
  return (
    <div className="offsets-long">
      <p className="offsets-summary">
        {NUMBER.format(offsets.length)} partitions, {NUMBER.format(committed)} with a committed
        offset · lag{" "}
        <strong className={lag > 0 ? "lagging" : undefined}>{NUMBER.format(lag)}</strong> record
        {lag === 1 ? "" : "s"}
        {worst
          ? ` in ${NUMBER.format(lagging)} partition${lagging === 1 ? "" : "s"}, most in ${worst.partition} (${NUMBER.format(worst.lag!)}, owner ${worst.owner})`
          : ""}
      </p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Offsets of every partition of {groupId}</summary>
        {/* Rendered only while open: hidden rows would still be kept up to date every frame. */}
        {open && <OffsetsTable caption={`Offsets of group ${groupId}`} offsets={offsets} />}
      </details>
    </div>
  );
}

/** Committed offset, log end offset, lag and owner per partition, in kafka-consumer-groups' order. */
export function GroupOffsets({ groupId }: { groupId: string }) {
  // Offsets move with every record: a reader follows them fine at a quarter of the frame rate.
  const offsets = useSimStable((s) => rows(s.run.state, groupId), { playingEvery: 4 });
  if (offsets.length === 0) return null;
  if (offsets.length > OFFSETS_LISTED) return <LongOffsets groupId={groupId} offsets={offsets} />;
  return <OffsetsTable caption={`Offsets of group ${groupId}`} offsets={offsets} />;
}
