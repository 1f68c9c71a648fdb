// The level of detail for large clusters: one tile per broker with its state and how many
// replicas it hosts in each role (as numbers, and as a bar split by role, so brokers with
// out-of-sync replicas stand out across the grid), tinted by the records it appends as leader
// (set by the motion layer). Per-record cells would be thousands of unreadable specks here.

import { memo, useState, type CSSProperties } from "react";
import type { BrokerState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import { BrokerActions } from "./BrokerActions.tsx";
import { brokerLoads, shownTopics, type BrokerLoad } from "./replicas.ts";
import "./compact/compact.css";

interface Tile extends BrokerLoad {
  status: BrokerState["status"];
  isolated: boolean;
  controller: boolean;
}

/** The bar's background: one hard-edged stretch per role, as long as its share of replicas. */
function roleBar({ leaders, inSync, outOfSync, offline }: Tile): CSSProperties {
  const total = leaders + inSync + outOfSync + offline;
  if (total === 0) return {};
  let at = 0;
  const stops = (
    [
      ["--leader", leaders],
      ["--in-sync", inSync],
      ["--out-of-sync", outOfSync],
      ["--offline", offline],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([colour, n]) => {
      const from = at;
      at += (n / total) * 100;
      return `var(${colour}) ${from.toFixed(1)}% ${at.toFixed(1)}%`;
    });
  return { background: `linear-gradient(to right, ${stops.join(", ")})` };
}

const BrokerTile = memo(function BrokerTile({ tile }: { tile: Tile }) {
  const [open, setOpen] = useState(false);
  const { id, status, isolated, controller, leaders, inSync, outOfSync, offline } = tile;
  return (
    <section
      className={`broker-tile is-${status}${isolated ? " is-isolated" : ""}`}
      aria-label={`Broker ${id}`}
      data-anchor={`broker:${id}`}
      data-heat-broker={id}
    >
      <button
        type="button"
        className="tile-button"
        aria-expanded={open}
        aria-controls={`broker-${id}-actions`}
        onClick={() => setOpen((o) => !o)}
        title={`Broker ${id}: ${status}${controller ? ", controller" : ""}${isolated ? ", isolated" : ""}; leads ${leaders}, in sync ${inSync}, out of sync ${outOfSync}, offline ${offline}`}
      >
        <span className="tile-id">
          {/* Named by its words, "Actions for broker N", which start with the number shown. */}
          <span className="sr-only">Actions for broker </span>
          {id}
          {controller && (
            <span className="tile-controller" aria-hidden="true">
              {" "}
              ◆
            </span>
          )}
          {status !== "online" && (
            <span className="tile-down" aria-hidden="true">
              {" "}
              ✕
            </span>
          )}
        </span>
        {/* The counts are said by the tile's description below. */}
        {status === "online" ? (
          <span className="tile-counts" aria-hidden="true">
            <span className="count-leader">★{leaders}</span>
            {outOfSync > 0 && <span className="count-out">◐{outOfSync}</span>}
          </span>
        ) : (
          <span className="tile-counts tile-state" aria-hidden="true">
            {status === "offline" ? "down" : "stopping"}
          </span>
        )}
        <span className="tile-bar" style={roleBar(tile)} aria-hidden="true" />
      </button>
      <p className="sr-only">
        {status}
        {controller ? ", controller" : ""}
        {isolated ? ", isolated" : ""}: leader of {leaders}, in sync for {inSync}, out of sync for{" "}
        {outOfSync}, offline for {offline}
      </p>
      {open && (
        <BrokerActions id={id} status={status} isolated={isolated} className="tile-actions" />
      )}
    </section>
  );
});

const LEGEND = [
  ["leader", "leader"],
  ["in-sync", "in sync"],
  ["out-of-sync", "out of sync"],
  ["offline", "offline"],
] as const;

export function CompactBrokers() {
  const { tiles, partitions, leaderless } = useSimStable(
    (s) => {
      const state = s.run.state;
      const tiles: Tile[] = brokerLoads(state).map((load) => {
        const b = state.brokers[String(load.id)]!;
        return {
          ...load,
          status: b.status,
          isolated: b.isolated,
          controller: state.controller.active === b.id,
        };
      });
      let partitions = 0;
      let leaderless = 0;
      for (const t of shownTopics(state))
        for (const p of t.partitions) {
          partitions++;
          if (p.leader < 0) leaderless++;
        }
      return { tiles, partitions, leaderless };
    },
    // Roles change with elections and ISR changes, not with each record: a few times a second.
    { playingEvery: 4 },
  );
  let outOfSync = 0;
  let offline = 0;
  let down = 0;
  for (const t of tiles) {
    outOfSync += t.outOfSync;
    offline += t.offline;
    if (t.status !== "online") down++;
  }
  const n = (x: number): string => x.toLocaleString("en");
  return (
    <div className="compact-brokers" data-observe="">
      <p className="compact-summary">
        {tiles.length} brokers · {n(partitions)} partitions ·{" "}
        <span className={down > 0 ? "summary-down" : undefined}>
          {down} down{offline > 0 ? ` (${n(offline)} replicas offline)` : ""}
        </span>{" "}
        ·{" "}
        <span className={outOfSync > 0 ? "summary-out" : undefined}>
          {n(outOfSync)} replicas out of sync
        </span>
        {leaderless > 0 && (
          <span className="summary-down"> · {n(leaderless)} partitions without a leader</span>
        )}
      </p>
      <p className="compact-legend muted">
        ★ leaderships ◐ replicas out of sync · bar: the broker&apos;s replicas by role (
        {LEGEND.map(([role, label], i) => (
          <span key={role}>
            {i > 0 && ", "}
            <span className={`legend-swatch swatch-${role}`} aria-hidden="true" />
            {label}
          </span>
        ))}
        ) · tint: records appended per second
      </p>
      <div className="tile-grid" data-anchor="cluster">
        {tiles.map((t) => (
          <BrokerTile key={t.id} tile={t} />
        ))}
      </div>
    </div>
  );
}
