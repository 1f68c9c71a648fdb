// One side drawn: sender, broker and receivers, the messages in flight between them, and a
// cross where a call or a message just failed. Reads the state; knows no rules.

import type { Flight, ServicesState } from "../../store/index.ts";
import { BrokerBox } from "./BrokerBox.tsx";
import { ReceiverBox } from "./ReceiverBox.tsx";
import { stageLayout, type StageLayout } from "./stageLayout.ts";

const MAX_DOTS = 300;

const FLIGHT_CLASS: Record<Flight["kind"], string> = {
  call: "dot-out",
  publish: "dot-out",
  deliver: "dot-out",
  reply: "dot-back",
  ack: "dot-back",
  refusal: "dot-fail",
  pull: "dot-pull",
};

function Dots({ state, layout }: { state: ServicesState; layout: StageLayout }) {
  const t = state.time;
  const dots = [];
  for (const f of state.flights) {
    if (f.sentAt > t || f.arrivesAt <= t) continue;
    const a = layout.at[f.from];
    const b = layout.at[f.to];
    if (!a || !b) continue;
    const k = (t - f.sentAt) / (f.arrivesAt - f.sentAt);
    dots.push(
      <circle
        key={f.id}
        className={FLIGHT_CLASS[f.kind]}
        cx={a.x + (b.x - a.x) * k}
        cy={a.y + (b.y - a.y) * k}
        r={f.kind === "pull" ? 2.5 : 4}
      />,
    );
    if (dots.length >= MAX_DOTS) break;
  }
  return <g aria-hidden="true">{dots}</g>;
}

function Failures({
  state,
  layout,
  windowMs,
}: {
  state: ServicesState;
  layout: StageLayout;
  windowMs: number;
}) {
  const t = state.time;
  const seen = new Set<string>();
  const marks = [];
  // Newest first, one cross per place.
  for (let i = state.recentFailures.length - 1; i >= 0; i--) {
    const f = state.recentFailures[i]!;
    const age = t - f.at;
    if (age < 0 || age > windowMs || seen.has(f.where)) continue;
    seen.add(f.where);
    const p = layout.at[f.where];
    if (!p) continue;
    const x = f.where === "sender" ? p.x + 62 : p.x - 78;
    marks.push(
      <text
        key={f.where}
        className="fail-mark"
        x={x}
        y={p.y + 7}
        opacity={1 - (0.7 * age) / windowMs}
      >
        ✕<title>{f.reason}</title>
      </text>,
    );
  }
  return <g>{marks}</g>;
}

export function Stage({
  state,
  label,
  speed,
}: {
  state: ServicesState;
  label: string;
  speed: number;
}) {
  const layout = stageLayout(state);
  const broker = state.broker;
  const sender = layout.at.sender!;
  const hub = broker ? layout.at.broker! : sender;
  const s = state.sender;
  const threads = state.spec.sender.threads;
  const busyShare = s.busyThreads / threads;
  const summary = `${label}: sender with ${s.busyThreads} of ${threads} threads busy${
    s.waiting.length ? ` and ${s.waiting.length} messages waiting` : ""
  }; ${state.receiverOrder
    .map((id) => `${id} ${state.receivers[id]!.up ? "up" : "down"}`)
    .join(", ")}${broker ? `; broker ${broker.up ? "up" : "down"}` : ""}.`;
  return (
    <svg
      className="stage"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={summary}
    >
      <g className="links" aria-hidden="true">
        {broker && <line x1={sender.x} y1={sender.y} x2={hub.x} y2={hub.y} />}
        {state.receiverOrder.map((id) => {
          const p = layout.at[id]!;
          return <line key={id} x1={hub.x} y1={hub.y} x2={p.x} y2={p.y} />;
        })}
      </g>
      <g className="party sender" transform={`translate(${sender.x - 50},${sender.y - 34})`}>
        <rect width={100} height={68} rx={8} />
        <text x={50} y={20} className="party-name">
          Sender
        </text>
        <rect className="meter-bg" x={10} y={30} width={80} height={10} rx={3} />
        <rect
          className={busyShare >= 1 ? "meter alarm" : "meter"}
          x={10}
          y={30}
          width={80 * Math.min(1, busyShare)}
          height={10}
          rx={3}
        />
        <text x={50} y={58} className="party-note">
          {s.busyThreads}/{threads}
          <tspan className="stage-wide-only"> busy</tspan>
          {s.waiting.length > 0 ? ` +${s.waiting.length}` : ""}
        </text>
      </g>
      {broker && <BrokerBox state={state} at={hub} />}
      {state.receiverOrder.map((id) => (
        <ReceiverBox
          key={id}
          receiver={state.receivers[id]!}
          at={layout.at[id]!}
          row={layout.row}
        />
      ))}
      <Dots state={state} layout={layout} />
      <Failures state={state} layout={layout} windowMs={400 * Math.max(1, speed)} />
    </svg>
  );
}
