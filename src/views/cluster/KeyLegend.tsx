import { useMemo } from "react";
import { useSim } from "../SimContext.tsx";
import { legendKeys, NULL_KEY_COLOUR, type KeyColour } from "./keyColours.ts";

/** What the picture's marks mean: one colour per key, and the log's markers. */
export function KeyLegend({ colour }: { colour: KeyColour }) {
  const spec = useSim((s) => s.run.spec);
  const { keys, unkeyed } = useMemo(() => legendKeys(spec), [spec]);
  return (
    <div className="picture-legend">
      {(keys.length > 0 || unkeyed) && (
        <ul className="legend-keys" aria-label="Record keys by colour">
          <li className="legend-title" aria-hidden="true">
            Keys
          </li>
          {keys.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ backgroundColor: colour(k) }} aria-hidden="true" />
              {k}
            </li>
          ))}
          {unkeyed && (
            <li>
              <span
                className="swatch"
                style={{ backgroundColor: NULL_KEY_COLOUR }}
                aria-hidden="true"
              />
              no key
            </li>
          )}
        </ul>
      )}
      <ul className="legend-marks" aria-label="Marks in the picture">
        <li>
          <span className="legend-cell uncommitted" aria-hidden="true" /> past the HW: not readable
          yet
        </li>
        <li>
          <span className="legend-dot" aria-hidden="true" /> record in flight
        </li>
        <li>
          <span className="legend-dot ack" aria-hidden="true" /> acknowledgement
        </li>
        <li>
          <span className="legend-hop" aria-hidden="true" /> just arrived
        </li>
      </ul>
    </div>
  );
}
