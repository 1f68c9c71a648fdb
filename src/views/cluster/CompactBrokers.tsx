// The level of detail for large clusters: one tile per broker with its state and how many
// replicas it hosts in each role, tinted by the records it appends as leader (set by the
// motion layer). Per-record cells would be thousands of unreadable specks here.

import { memo, useState } from "react";
import type { BrokerState } from "../../store/index.ts";
import { useSimStable } from "../useSimStable.ts";
import { BrokerActions } from "./BrokerActions.tsx";
import { brokerLoads, shownTopics, type BrokerLoad } from "./replicas.ts";

interface Tile extends BrokerLoad {
  status: BrokerState["status"];
  isolated: boolean;
  controller: boolean;
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
        aria-label={`Actions for broker ${id}`}
        aria-expanded={open}
        aria-controls={`broker-${id}-actions`}
        onClick={() => setOpen((o) => !o)}
        title={`Broker ${id}: ${status}${controller ? ", controller" : ""}${isolated ? ", isolated" : ""}; leads ${leaders}, in sync ${inSync}, out of sync ${outOfSync}, offline ${offline}`}
      >
        <span className="tile-id">
          {id}
          {controller && <span className="tile-controller"> ◆</span>}
          {status !== "online" && <span className="tile-down"> ✕</span>}
        </span>
        <span className="tile-counts">
          <span className="count-leader">★{leaders}</span>
          {outOfSync > 0 && <span className="count-out">◐{outOfSync}</span>}
        </span>
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

export function CompactBrokers() {
  const { tiles, partitions } = useSimStable((s) => {
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
    return {
      tiles,
      partitions: shownTopics(state).reduce((n, t) => n + t.partitions.length, 0),
    };
  });
  const outOfSync = tiles.reduce((n, t) => n + t.outOfSync, 0);
  const down = tiles.filter((t) => t.status !== "online").length;
  return (
    <div className="compact-brokers" data-observe="">
      <p className="compact-summary">
        {tiles.length} brokers · {partitions.toLocaleString("en")} partitions · {down} down ·{" "}
        {outOfSync} replicas out of sync
        <span className="muted">
          {" "}
          — ★ leaderships per broker; tint: records appended per second
        </span>
      </p>
      <div className="tile-grid" data-anchor="cluster">
        {tiles.map((t) => (
          <BrokerTile key={t.id} tile={t} />
        ))}
      </div>
    </div>
  );
}
