import { memo } from "react";
import type { KeyColour } from "./keyColours.ts";
import { LogTail } from "./LogTail.tsx";
import type { ReplicaView } from "./replicas.ts";
import { ROLE_LABEL, RoleGlyph } from "./RoleGlyph.tsx";

function ReplicaRowView({
  replica,
  brokerId,
  colour,
}: {
  replica: ReplicaView;
  brokerId: number;
  colour: KeyColour;
}) {
  const { name, role, logStartOffset, highWatermark, logEndOffset } = replica;
  const id = `${name}@${brokerId}`;
  return (
    <li
      className={`replica-row role-${role.replace(/ /g, "-")}`}
      // The motion layer writes what just happened to the replica at the right end of its row.
      data-anchor={`head:${id}`}
      aria-label={`${name}: ${ROLE_LABEL[role]}; log start offset ${logStartOffset}, high watermark ${highWatermark}, log end offset ${logEndOffset}`}
    >
      <span className="replica-head" aria-hidden="true">
        <RoleGlyph role={role} anchor={`role:${id}`} />
        {/* The role under the name: the row stays one cell high and the log tail gets the width. */}
        <span className="replica-words">
          <span className="replica-name">{name}</span>
          <span className="replica-role">{ROLE_LABEL[role]}</span>
        </span>
      </span>
      <LogTail replica={replica} colour={colour} anchor={`replica:${id}`} />
    </li>
  );
}

function sameReplica(a: ReplicaView, b: ReplicaView): boolean {
  if (
    a.name !== b.name ||
    a.role !== b.role ||
    a.logStartOffset !== b.logStartOffset ||
    a.highWatermark !== b.highWatermark ||
    a.logEndOffset !== b.logEndOffset ||
    a.tail.length !== b.tail.length
  )
    return false;
  for (let i = 0; i < a.tail.length; i++)
    if (a.tail[i]!.offset !== b.tail[i]!.offset || a.tail[i]!.key !== b.tail[i]!.key) return false;
  return true;
}

/** A card re-renders when any of its replicas changes; each row only when its own did. */
export const ReplicaRow = memo(
  ReplicaRowView,
  (a, b) => a.brokerId === b.brokerId && a.colour === b.colour && sameReplica(a.replica, b.replica),
);
