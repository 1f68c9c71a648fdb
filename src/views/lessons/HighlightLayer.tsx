import { useEffect, useRef, type RefObject } from "react";
import { useStore } from "zustand";
import type { LessonPlayerApi } from "../../store/index.ts";
import { highlightElements, type HighlightContext } from "./highlightTargets.ts";

const PAD = 4;

/**
 * Outlines the parts of the picture the current step points at. The outlines are drawn over
 * the simulator (which owns its own DOM), placed from the targets' boxes, and follow them as
 * the simulation changes, the window resizes or the stage changes size. They are decoration
 * only: the step's text names the same parts for a screen reader.
 */
export function HighlightLayer({
  player,
  container,
}: {
  player: LessonPlayerApi;
  container: RefObject<HTMLElement | null>;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const stepIndex = useStore(player, (p) => p.stepIndex);
  const finished = useStore(player, (p) => p.finished);

  useEffect(() => {
    const highlights = finished ? [] : (player.getState().lesson.steps[stepIndex]?.highlight ?? []);
    let drawn = "";
    const target = layer.current;
    const draw = (): void => {
      const root = container.current;
      if (!root || !target) return;
      const origin = root.getBoundingClientRect();
      const { sim, services } = player.getState();
      const context: HighlightContext | null = sim
        ? { sim: sim.getState().run.state }
        : services
          ? { preset: services.getState().run.preset }
          : null;
      if (!context) return;
      const boxes: string[] = [];
      for (const h of highlights) {
        // One outline per element: the copies of a partition sit on different brokers.
        for (const el of highlightElements(root, h, context)) {
          const r = el.getBoundingClientRect();
          // A part wider than the stage (a table scrolling inside itself) is outlined where seen.
          const left = Math.max(r.left, origin.left + PAD);
          const right = Math.min(r.right, origin.right - PAD);
          if (right <= left || r.bottom <= r.top) continue;
          boxes.push(
            [
              r.top - origin.top - PAD,
              left - origin.left - PAD,
              right - left + 2 * PAD,
              r.height + 2 * PAD,
            ]
              .map(Math.round)
              .join(","),
          );
        }
      }
      const key = boxes.join(";");
      if (key === drawn) return;
      drawn = key;
      target.replaceChildren(
        ...boxes.map((b) => {
          const [top, left, width, height] = b.split(",").map(Number) as [
            number,
            number,
            number,
            number,
          ];
          const div = document.createElement("div");
          div.className = "highlight-box";
          Object.assign(div.style, {
            top: `${top}px`,
            left: `${left}px`,
            width: `${width}px`,
            height: `${height}px`,
          });
          return div;
        }),
      );
    };
    draw();
    // The player's frame follows whichever simulation the lesson runs on.
    const unsubscribe = player.subscribe(draw);
    window.addEventListener("resize", draw);
    const observer = new ResizeObserver(draw);
    if (container.current) observer.observe(container.current);
    return () => {
      unsubscribe();
      window.removeEventListener("resize", draw);
      observer.disconnect();
      target?.replaceChildren();
    };
  }, [player, container, stepIndex, finished]);

  return <div ref={layer} className="highlight-layer" aria-hidden="true" />;
}
