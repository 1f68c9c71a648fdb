// One side of the comparison: its stage and its figures.

import { sideFigures } from "../../store/index.ts";
import { Figures } from "./Figures.tsx";
import { SideFeed } from "./SideFeed.tsx";
import { useServices } from "./ServicesContext.tsx";
import { Stage } from "./Stage.tsx";

export function SidePanel({ index }: { index: 0 | 1 }) {
  // The run's state is mutated in place: `frame` is what changes.
  useServices((s) => s.frame);
  const side = useServices((s) => s.run.sides[index]);
  const speed = useServices((s) => s.speed);
  const titleId = `before-side-${index}`;
  return (
    <section className={`side side-${index}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="side-swatch" aria-hidden="true" />
        {side.label}
      </h3>
      <Stage state={side.state} label={side.label} speed={speed} />
      <Figures f={sideFigures(side.state)} />
      <SideFeed feed={side.feed} />
    </section>
  );
}
