// Where things travel: a gentle cubic curve between two anchor points, and the point a given
// fraction along it. d3-shape's link generator draws the same curve the dots follow.

import { linkHorizontal } from "d3-shape";

export interface Point {
  x: number;
  y: number;
}

export interface Curve {
  p0: Point;
  c0: Point;
  c1: Point;
  p1: Point;
}

/**
 * Horizontal-first, like a flow diagram read left to right. Two points nearly one above the
 * other (replicas at the right end of stacked rows and cards) get a bulge to the left, over
 * their own cards, rather than out into the consumers' column; to the right only at the edge.
 */
export function curveBetween(p0: Point, p1: Point): Curve {
  const dx = p1.x - p0.x;
  if (Math.abs(dx) < 48) {
    const size = 30 + Math.min(70, Math.abs(p1.y - p0.y) / 5);
    const bulge = Math.min(p0.x, p1.x) - size < 4 ? size : -size;
    return {
      p0,
      c0: { x: p0.x + bulge, y: p0.y },
      c1: { x: p1.x + bulge, y: p1.y },
      p1,
    };
  }
  const mid = p0.x + dx / 2;
  return { p0, c0: { x: mid, y: p0.y }, c1: { x: mid, y: p1.y }, p1 };
}

export function pointAt(c: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return {
    x: a * c.p0.x + b * c.c0.x + d * c.c1.x + e * c.p1.x,
    y: a * c.p0.y + b * c.c0.y + d * c.c1.y + e * c.p1.y,
  };
}

const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

/** The SVG path of a curve: d3's horizontal link where it matches, an explicit curve otherwise. */
export function pathOf(c: Curve): string {
  const mid = (c.p0.x + c.p1.x) / 2;
  if (c.c0.x === mid && c.c1.x === mid && c.c0.y === c.p0.y && c.c1.y === c.p1.y)
    return link({ source: c.p0, target: c.p1 }) ?? "";
  return `M${c.p0.x},${c.p0.y}C${c.c0.x},${c.c0.y},${c.c1.x},${c.c1.y},${c.p1.x},${c.p1.y}`;
}

/** How far a message has travelled at virtual time `now`, 0 to 1. */
export function progress(sentAt: number, arrivesAt: number, now: number): number {
  if (arrivesAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (now - sentAt) / (arrivesAt - sentAt)));
}
