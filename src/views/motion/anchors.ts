// The picture's anchor points, measured from the DOM: every element with a `data-anchor`
// (`producer:checkout`, `broker:2`, `replica:orders-0@2`, `consumer:c1`, `group:billing`,
// `cluster`) gives the centre of its box, relative to the overlay's own box.

import { curveBetween, pathOf, type Curve, type Point } from "./geometry.ts";

export type Anchors = Map<string, Point & { width: number; height: number }> & {
  /** The overlay's own width, so curves can stay inside it. */
  bounds?: number;
  /** Paths between anchors, built once per measurement (most frames reuse them). */
  paths?: Map<string, { curve: Curve; d: string }>;
};

export function measureAnchors(root: HTMLElement): Anchors {
  const base = root.getBoundingClientRect();
  const out: Anchors = new Map();
  out.bounds = base.width;
  for (const el of root.querySelectorAll<HTMLElement>("[data-anchor]")) {
    const r = el.getBoundingClientRect();
    // A hidden element (display: none) has no box: it anchors nothing.
    if (r.width === 0 && r.height === 0) continue;
    out.set(el.dataset["anchor"]!, {
      x: r.left - base.left + r.width / 2,
      y: r.top - base.top + r.height / 2,
      width: r.width,
      height: r.height,
    });
  }
  return out;
}

/**
 * Where a path meets an anchor: producers send from their right edge and consumers receive on
 * their left edge (the picture reads left to right); everything else at its centre.
 */
export function endpoint(anchors: Anchors, name: string): Point | undefined {
  const a = anchors.get(name);
  if (!a) return undefined;
  if (name.startsWith("producer:")) return { x: a.x + a.width / 2, y: a.y };
  if (name.startsWith("consumer:") || name.startsWith("group:"))
    return { x: a.x - a.width / 2, y: a.y };
  return a;
}

/** The curve and SVG path between two endpoints, cached with the measurement. */
export function route(
  anchors: Anchors,
  key: string,
  from: Point,
  to: Point,
): { curve: Curve; d: string } {
  const paths = (anchors.paths ??= new Map<string, { curve: Curve; d: string }>());
  let r = paths.get(key);
  if (!r) {
    const curve = curveBetween(from, to);
    r = { curve, d: pathOf(curve) };
    paths.set(key, r);
  }
  return r;
}
