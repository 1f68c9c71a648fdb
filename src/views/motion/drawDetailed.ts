// The detailed overlay: each message in flight as a dot on its path, each completed hop as a
// short glow, and the moments that matter as small animations at the replica they concern.

import type { SimEvent, SimState, Transfer } from "../../store/index.ts";
import type { KeyColour } from "../cluster/keyColours.ts";
import { partyAnchor, recentEffects, recentHops, type Effect } from "./activity.ts";
import { endpoint, route, type Anchors } from "./anchors.ts";
import { curveBetween, pointAt, progress, type Curve, type Point } from "./geometry.ts";
import { attr, type SvgPool } from "./svgPool.ts";
import { effectWindow, hopWindow } from "./timing.ts";

export interface Frame {
  state: SimState;
  events: readonly SimEvent[];
  /** Virtual now. */
  now: number;
  speed: number;
  playing: boolean;
  reduced: boolean;
  anchors: Anchors;
  colour: KeyColour;
}

export interface Layers {
  hops: SvgPool;
  routes: SvgPool;
  dots: SvgPool;
  effects: SvgPool;
}

/** Where along its path a completed hop's glow starts. */
const HOP_TAIL_FROM = 0.72;

/** Routes of messages that cross the picture faster than this (wall time) are not drawn. */
const ROUTE_MIN_WALL_MS = 120;

function dotRadius(t: Transfer): number {
  return 6 + Math.min(5, Math.sqrt(Math.max(0, t.keys.length - 1)));
}

function drawTransfers(f: Frame, layers: Layers): void {
  const has = (a: string): boolean => f.anchors.has(a);
  const narrow = (f.anchors.bounds ?? Infinity) < 640;
  for (const t of f.state.transfers) {
    const fromName = partyAnchor(t.from, t.topic, t.partition, has);
    const toName = partyAnchor(t.to, t.topic, t.partition, has);
    const from = endpoint(f.anchors, fromName);
    const to = endpoint(f.anchors, toName);
    if (!from || !to) continue;
    const { curve, d } = route(f.anchors, `${fromName}>${toName}`, from, to);
    // On a narrow screen the cards stack and routes would cross all of them: dots only there,
    // unless nothing travels (reduced motion), when the route is all there is to show.
    // A route is worth its repaint only if it stays long enough to be read (slow motion).
    const briefly = (t.arrivesAt - t.sentAt) / Math.max(f.speed, 1e-3) < ROUTE_MIN_WALL_MS;
    if ((narrow || briefly) && !f.reduced) {
      drawDot(f, layers, t, curve);
      continue;
    }
    const path = layers.routes.get(String(t.id), "path");
    attr(path, "d", d);
    attr(path, "class", `route route-${t.kind}`);
    attr(path, "data-route", t.kind);
    // Reduced motion: the route shows where a message goes, nothing travels along it.
    if (!f.reduced) drawDot(f, layers, t, curve);
  }
}

function drawDot(f: Frame, layers: Layers, t: Transfer, curve: Curve): void {
  const at = pointAt(curve, progress(t.sentAt, t.arrivesAt, f.now));
  const dot = layers.dots.get(String(t.id), "circle");
  attr(dot, "class", `dot dot-${t.kind}`);
  attr(dot, "data-transfer", t.id);
  attr(dot, "cx", at.x.toFixed(1));
  attr(dot, "cy", at.y.toFixed(1));
  attr(dot, "r", t.kind === "ack" || t.kind === "commit" ? 5 : dotRadius(t));
  if (t.kind === "produce" || t.kind === "replicate" || t.kind === "consume")
    attr(dot, "fill", f.colour(t.keys[0] ?? null));
}

function drawHops(f: Frame, layers: Layers): void {
  const window = hopWindow(f.speed);
  if (window <= 0) return;
  // The newest hop on each path is the one drawn: repeats would only stack the same line.
  const drawn = new Set<string>();
  for (const h of recentHops(f.events, f.state, f.now, window)) {
    const key = `${h.from}>${h.to}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const from = endpoint(f.anchors, h.from);
    const to = endpoint(f.anchors, h.to);
    if (!from || !to) continue;
    // The last stretch of the path, like a comet arriving: it says where the hop came from,
    // and repainting it costs a small box, not the whole picture the full path would span.
    const path = layers.hops.get(key, "path");
    attr(path, "d", tailOf(route(f.anchors, key, from, to).curve));
    attr(path, "class", `hop hop-${h.kind}`);
    // Two steps, bright then dim, rather than a change (and a repaint) on every frame.
    const fresh = f.now - h.at < window / 2;
    attr(path, "opacity", fresh ? 0.9 : 0.4);
  }
}

/** The last part of a curve as a short polyline. */
function tailOf(curve: Curve): string {
  let d = "";
  for (let i = 0; i <= 6; i++) {
    const p = pointAt(curve, HOP_TAIL_FROM + ((1 - HOP_TAIL_FROM) * i) / 6);
    d += `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  }
  return d;
}

/** Effects land on a replica's role mark; in the compact view, on its broker's tile. */
function effectAnchor(f: Frame, replica: string): Point | undefined {
  return (
    f.anchors.get(replica.replace(/^replica:/, "role:")) ??
    f.anchors.get(replica) ??
    f.anchors.get(`broker:${replica.slice(replica.lastIndexOf("@") + 1)}`)
  );
}

/**
 * An effect's words go at the right end of the replica's own line (beside its name and role),
 * or above a compact tile.
 */
function label(f: Frame, layers: Layers, e: Effect, text: string, cls: string) {
  const el = layers.effects.get(`${e.anchor}-label`, "text");
  const head = f.anchors.get(e.anchor.replace(/^replica:/, "head:"));
  const tile = effectAnchor(f, e.anchor);
  const x = head ? head.x + head.width / 2 - 4 : (tile?.x ?? 0);
  const y = head ? head.y + 5 : (tile?.y ?? 0) - 16;
  attr(el, "class", `effect-label ${cls}${head ? " at-row" : ""}`);
  attr(el, "x", x.toFixed(1));
  attr(el, "y", y.toFixed(1));
  if (el.textContent !== text) el.textContent = text;
}

const LABEL_CLASS: Record<Effect["kind"], string> = {
  election: "label-election",
  offline: "label-offline",
  isrShrink: "label-isr",
  truncation: "label-truncation",
  lost: "label-lost",
};

/** The most serious effect gives a shared label its colour. */
const SEVERITY: Record<Effect["kind"], number> = {
  election: 0,
  offline: 1,
  isrShrink: 2,
  truncation: 3,
  lost: 4,
};

function drawEffect(
  f: Frame,
  layers: Layers,
  e: Effect,
  i: number,
  window: number,
  say: (e: Effect) => void,
): void {
  const at = effectAnchor(f, e.anchor);
  if (!at) return;
  const key = `${i}`;
  // Paused, stepping or reduced motion: the end state, marked, without movement.
  const still = f.reduced || !f.playing;
  const p = still ? 1 : Math.min(1, Math.max(0, (f.now - e.at) / window));
  const ring = layers.effects.get(`${key}-ring`, "circle");
  attr(ring, "class", `effect-ring effect-${e.kind}`);
  attr(ring, "data-effect", e.kind);
  attr(ring, "cx", at.x.toFixed(1));
  attr(ring, "cy", at.y.toFixed(1));
  switch (e.kind) {
    case "election": {
      const from = e.from ? effectAnchor(f, e.from) : undefined;
      // The crown travels from the old leader for the first part, then settles with a ring.
      const travel = Math.min(1, p / 0.6);
      const pos = from && !still ? pointAt(curveBetween(from, at), travel) : at;
      const crown = layers.effects.get(`${key}-crown`, "text");
      attr(crown, "class", "effect-crown");
      attr(crown, "x", pos.x.toFixed(1));
      attr(crown, "y", (pos.y + 7).toFixed(1));
      if (crown.textContent !== "★") crown.textContent = "★";
      attr(ring, "r", still ? 16 : (12 + 14 * Math.max(0, (p - 0.6) / 0.4)).toFixed(1));
      attr(ring, "opacity", still ? 1 : p < 0.6 ? 0 : (1 - (p - 0.6) / 0.4).toFixed(2));
      if (still || p > 0.3) say(e);
      break;
    }
    case "isrShrink": {
      attr(ring, "r", 15);
      attr(ring, "opacity", still ? 1 : (1 - p * 0.7).toFixed(2));
      say(e);
      // The mark slides out of the row, as the replica slides out of the ISR.
      const out = layers.effects.get(`${key}-out`, "text");
      attr(out, "class", "effect-out");
      attr(out, "x", (at.x + (still ? 0 : 40 * p)).toFixed(1));
      attr(out, "y", (at.y + 6).toFixed(1));
      attr(out, "opacity", still ? 0 : (1 - p).toFixed(2));
      if (out.textContent !== "◐") out.textContent = "◐";
      break;
    }
    case "truncation": {
      attr(ring, "r", 14);
      attr(ring, "opacity", still ? 1 : (1 - p).toFixed(2));
      // A few cells crumble: they fall and fade.
      for (let c = 0; c < 5; c++) {
        const bit = layers.effects.get(`${key}-bit${c}`, "rect");
        const dx = (c - 2) * 7;
        const fall = still ? 0 : 34 * p * p * (0.6 + 0.1 * c);
        attr(bit, "class", "effect-bit");
        attr(bit, "x", (at.x + dx - 3 - 18).toFixed(1));
        attr(bit, "y", (at.y - 3 + fall).toFixed(1));
        attr(bit, "width", 6);
        attr(bit, "height", 6);
        attr(bit, "opacity", still ? 0 : (1 - p).toFixed(2));
      }
      say(e);
      break;
    }
    case "lost":
    case "offline": {
      attr(ring, "r", 15);
      // A loss flashes three times; a partition without a leader only marks itself.
      const flash = e.kind === "lost" && !still ? 0.55 + 0.45 * Math.cos(p * 6 * Math.PI) : 1;
      attr(ring, "opacity", flash.toFixed(2));
      const cross = layers.effects.get(`${key}-cross`, "text");
      attr(cross, "class", `effect-cross effect-${e.kind}`);
      attr(cross, "x", at.x.toFixed(1));
      attr(cross, "y", (at.y + 7).toFixed(1));
      attr(cross, "opacity", flash.toFixed(2));
      if (cross.textContent !== "✕") cross.textContent = "✕";
      say(e);
      break;
    }
  }
}

function drawEffects(f: Frame, layers: Layers): void {
  const window = effectWindow(f.speed);
  const effects = recentEffects(f.events, f.state, f.now, window);
  // Several things can happen to one replica at once (elected, and records lost): one line of
  // words for it, so labels never print over each other.
  const words = new Map<string, { first: Effect; texts: string[]; worst: Effect }>();
  const say = (e: Effect): void => {
    const w = words.get(e.anchor);
    if (!w) words.set(e.anchor, { first: e, texts: [e.label], worst: e });
    else {
      if (!w.texts.includes(e.label)) w.texts.push(e.label);
      if (SEVERITY[e.kind] > SEVERITY[w.worst.kind]) w.worst = e;
    }
  };
  effects.forEach((e, i) => drawEffect(f, layers, e, i, window, say));
  for (const w of words.values())
    label(f, layers, w.first, w.texts.join(" · "), LABEL_CLASS[w.worst.kind]);
}

export function drawDetailed(f: Frame, layers: Layers, compact: boolean): void {
  const all = [layers.hops, layers.routes, layers.dots, layers.effects];
  for (const l of all) l.begin();
  if (!compact) {
    drawHops(f, layers);
    drawTransfers(f, layers);
  }
  drawEffects(f, layers);
  for (const l of all) l.end();
}
