import { useStore } from "zustand";
import {
  describeDifference,
  differences,
  summarizeSide,
  type ComparePair,
} from "../../store/index.ts";

/** The comparison in a sentence or two, read from both audits on every change. */
export function Difference({
  pair,
  labels,
}: {
  pair: ComparePair;
  labels: { left: string; right: string };
}) {
  // The right side moves after every change of the left; either frame means a new picture.
  useStore(pair.left, (s) => s.frame);
  useStore(pair.right, (s) => s.frame);
  const left = summarizeSide(pair.left.getState().run);
  const right = summarizeSide(pair.right.getState().run);
  const [first, ...rest] = differences(left, right, labels);
  return (
    <p className="difference" role="status" aria-label="Difference">
      {first === undefined ? (
        describeDifference(left, right, labels)
      ) : (
        <>
          <strong>{first}</strong>
          {rest.length > 0 && <span className="more"> {rest.join(" ")}</span>}
        </>
      )}
    </p>
  );
}
