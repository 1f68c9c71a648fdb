// The compact overlay for large clusters: no single records, but the flow from each producer
// into the cluster and from the cluster to each consumer group, as bands as wide as their
// records per second, and each broker tile tinted by how many records it appended as leader.

import type { SimState } from "../../store/index.ts";
import type { Throughput } from "./activity.ts";
import { endpoint, type Anchors } from "./anchors.ts";
import { curveBetween, pathOf } from "./geometry.ts";
import { attr, type SvgPool } from "./svgPool.ts";

export interface CompactFrame {
  state: SimState;
  /** Records per second over the last THROUGHPUT_WINDOW_MS (eventTail.ts). */
  load: Throughput;
  now: number;
  reduced: boolean;
  anchors: Anchors;
  /** The broker tiles, by broker id, with the heat each last showed. */
  tiles: Map<string, { el: HTMLElement; heat: string }>;
}

/** The tiles the heat is drawn on (found once per layout, not per frame). */
export function heatTiles(root: HTMLElement): CompactFrame["tiles"] {
  const tiles: CompactFrame["tiles"] = new Map();
  for (const el of root.querySelectorAll<HTMLElement>("[data-heat-broker]"))
    tiles.set(el.dataset["heatBroker"]!, { el, heat: el.style.getPropertyValue("--heat") });
  return tiles;
}

const bandWidth = (perSec: number): number => Math.min(14, 2 + Math.sqrt(perSec) / 2.5);
/** Rounded to tens: a label that changed every frame would be unreadable, and repainted for nothing. */
const rate = (perSec: number): string => {
  const tens = Math.round(perSec / 10) * 10;
  return `${tens >= 1000 ? `${Math.floor(tens / 1000)},${String(tens % 1000).padStart(3, "0")}` : tens} rec/s`;
};

function band(
  pool: SvgPool,
  key: string,
  d: string,
  width: number,
  dashOffset: number,
  cls: string,
): void {
  const path = pool.get(key, "path");
  attr(path, "d", d);
  attr(path, "class", `flow ${cls}`);
  attr(path, "data-flow", key);
  attr(path, "stroke-width", width.toFixed(1));
  attr(path, "stroke-dashoffset", dashOffset.toFixed(0));
}

function bandLabel(pool: SvgPool, key: string, x: number, y: number, text: string): void {
  const el = pool.get(key, "text");
  attr(el, "class", "flow-label");
  attr(el, "x", x.toFixed(1));
  attr(el, "y", y.toFixed(1));
  if (el.textContent !== text) el.textContent = text;
}

export function drawCompact(f: CompactFrame, flows: SvgPool): void {
  flows.begin();
  const cluster = f.anchors.get("cluster");
  const load = f.load;
  // The dashes march with virtual time: frozen when paused, still under reduced motion.
  const march = f.reduced ? 0 : -((f.now / 8) % 1000);
  if (cluster) {
    // Bands run level into the grid's edge, at their client's height where the grid allows.
    const top = cluster.y - cluster.height / 2 + 12;
    const bottom = cluster.y + cluster.height / 2 - 12;
    const level = (y: number): number => Math.min(bottom, Math.max(top, y));
    const leftEdge = cluster.x - cluster.width / 2;
    const rightEdge = cluster.x + cluster.width / 2;
    for (const id of Object.keys(f.state.producers)) {
      const from = endpoint(f.anchors, `producer:${id}`);
      const perSec = load.producers[id] ?? 0;
      if (!from || perSec <= 0) continue;
      const to = { x: leftEdge, y: level(from.y) };
      const d = pathOf(curveBetween(from, to));
      band(flows, `p:${id}`, d, bandWidth(perSec), march, "flow-produce");
      bandLabel(flows, `p:${id}`, (from.x + to.x) / 2, Math.min(from.y, to.y) - 9, rate(perSec));
    }
    const byGroup: Record<string, number> = {};
    for (const c of Object.values(f.state.consumers))
      byGroup[c.groupId] = (byGroup[c.groupId] ?? 0) + (load.consumers[c.id] ?? 0);
    for (const [groupId, perSec] of Object.entries(byGroup)) {
      const to = endpoint(f.anchors, `group:${groupId}`);
      if (!to || perSec <= 0) continue;
      const from = { x: rightEdge, y: level(to.y) };
      const d = pathOf(curveBetween(from, to));
      band(flows, `g:${groupId}`, d, bandWidth(perSec), march, "flow-consume");
      bandLabel(
        flows,
        `g:${groupId}`,
        (from.x + to.x) / 2,
        Math.min(from.y, to.y) - 9,
        rate(perSec),
      );
    }
  }
  flows.end();
  // Heat: each tile's share of the busiest broker's appends, as a CSS variable its style reads.
  let max = 1;
  for (const perSec of Object.values(load.brokers)) if (perSec > max) max = perSec;
  for (const [id, tile] of f.tiles) {
    const heat = ((load.brokers[id] ?? 0) / max).toFixed(1);
    if (tile.heat !== heat) {
      tile.heat = heat;
      tile.el.style.setProperty("--heat", heat);
    }
  }
}
