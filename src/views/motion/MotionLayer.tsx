// One SVG layer over the cluster picture, redrawn from a store subscription rather than by
// React: on every change of the run (each animation frame while playing, each step or seek)
// it measures the anchors and moves its elements. Pausing leaves the store, and so the
// picture, still; everything is placed by virtual time.

import { useEffect, useRef, type RefObject } from "react";
import { useSimApi } from "../SimContext.tsx";
import type { KeyColour } from "../cluster/keyColours.ts";
import { measureAnchors, type Anchors } from "./anchors.ts";
import { drawCompact, heatTiles } from "./drawCompact.ts";
import { drawDetailed, type Layers } from "./drawDetailed.ts";
import { createEventTail } from "./eventTail.ts";
import { createPool } from "./svgPool.ts";
import { THROUGHPUT_WINDOW_MS, effectWindow } from "./timing.ts";
import { useReducedMotion } from "./useReducedMotion.ts";
import "./motion.css";

export function MotionLayer({
  stageRef,
  compact,
  layoutKey,
  colour,
}: {
  stageRef: RefObject<HTMLElement | null>;
  compact: boolean;
  /** Changes when the picture's boxes are added or removed, so they are observed again. */
  layoutKey: string;
  colour: KeyColour;
}) {
  const api = useSimApi();
  const reduced = useReducedMotion();
  const underRef = useRef<SVGSVGElement>(null);
  const overRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const under = underRef.current;
    const over = overRef.current;
    const stage = stageRef.current;
    if (!under || !over || !stage) return;
    const g = (name: string): SVGGElement =>
      (under.querySelector<SVGGElement>(`g.${name}`) ??
        over.querySelector<SVGGElement>(`g.${name}`))!;
    const layers: Layers = {
      hops: createPool(g("layer-hops")),
      routes: createPool(g("layer-routes")),
      dots: createPool(g("layer-dots")),
      effects: createPool(g("layer-effects")),
    };
    const flows = createPool(g("layer-flows"));
    // Anchors are measured again only when a box moved or resized: reading layout on every
    // frame would force the browser to lay the page out in the middle of the frame.
    let anchors: Anchors | null = null;
    let tiles: ReturnType<typeof heatTiles> | null = null;
    // The compact view reads the trace incrementally: its events are far too many to walk back.
    const tail = compact ? createEventTail(THROUGHPUT_WINDOW_MS, effectWindow(Infinity)) : null;
    const draw = (): void => {
      const s = api.getState();
      anchors ??= measureAnchors(stage);
      const now = s.run.state.time;
      const recent = tail?.(s.run.events, now);
      const common = {
        state: s.run.state,
        // The compact view draws effects only, which the notable events alone make.
        events: recent?.notable ?? s.run.events,
        now,
        reduced,
        anchors,
      };
      if (recent)
        drawCompact(
          { ...common, load: recent.throughput, tiles: (tiles ??= heatTiles(stage)) },
          flows,
        );
      drawDetailed({ ...common, speed: s.speed, playing: s.playing, colour }, layers, compact);
    };
    draw();
    const unsubscribe = api.subscribe(draw);
    // Boxes that move or resize (a card growing, the window narrowing) move the anchors.
    const observer = new ResizeObserver(() => {
      anchors = null;
      tiles = null;
      draw();
    });
    observer.observe(stage);
    for (const el of stage.querySelectorAll("[data-observe]")) observer.observe(el);
    return () => {
      unsubscribe();
      observer.disconnect();
      for (const l of [layers.hops, layers.routes, layers.dots, layers.effects, flows]) l.clear();
    };
  }, [api, stageRef, compact, reduced, colour, layoutKey]);

  return (
    <>
      {/* Paths pass under the cards, so a busy picture never covers a card's words; what
          moves and what happens is drawn over them. Under reduced motion nothing moves and
          the routes alone say where each message goes: they are drawn over the cards then. */}
      <svg ref={underRef} className="motion-layer motion-under" aria-hidden="true">
        <g className="layer-hops" />
        {!reduced && <g className="layer-routes" />}
      </svg>
      <svg ref={overRef} className="motion-layer motion-over" aria-hidden="true">
        {/* The compact view's flow bands run in the gutters and carry their rate as words. */}
        <g className="layer-flows" />
        {reduced && <g className="layer-routes" />}
        <g className="layer-dots" />
        <g className="layer-effects" />
      </svg>
    </>
  );
}
