// The living picture: producers on the left, brokers in the middle, consumer groups on the
// right, and one SVG layer over them where records travel. Past a size where single records
// are noise, the brokers become compact tiles and the motion becomes aggregated flow.

import { useMemo, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { MotionLayer } from "../motion/MotionLayer.tsx";
import { BrokerCard } from "./BrokerCard.tsx";
import { ProducerNodes, GroupNodes } from "./ClientNodes.tsx";
import { CompactBrokers } from "./CompactBrokers.tsx";
import { KeyLegend } from "./KeyLegend.tsx";
import { keyColours } from "./keyColours.ts";
import { wantsCompact } from "./replicas.ts";
import "./cluster.css";

export function ClusterView() {
  const ids = useSim(useShallow((s) => Object.values(s.run.state.brokers).map((b) => b.id)));
  const compact = useSim((s) => wantsCompact(s.run.state));
  const clients = useSim(
    (s) =>
      `${Object.keys(s.run.state.producers).join(",")}|${Object.keys(s.run.state.consumers).join(",")}`,
  );
  const spec = useSim((s) => s.run.spec);
  const colour = useMemo(() => keyColours(spec), [spec]);
  const stage = useRef<HTMLDivElement>(null);
  return (
    <section
      aria-label="Cluster"
      className={`cluster-picture${compact ? " is-compact" : ""}`}
      data-detail={compact ? "compact" : "full"}
    >
      <div className="picture-stage" ref={stage}>
        {/* The keys' colours beside the producers that send them: a row less above the cards. */}
        <ProducerNodes>{!compact && <KeyLegend colour={colour} />}</ProducerNodes>
        {compact ? (
          <CompactBrokers />
        ) : (
          <div className="broker-grid" data-observe="">
            {ids.map((id) => (
              <BrokerCard key={id} id={id} colour={colour} />
            ))}
          </div>
        )}
        <GroupNodes />
        <MotionLayer
          stageRef={stage}
          compact={compact}
          layoutKey={`${ids.join(",")}|${clients}`}
          colour={colour}
        />
      </div>
    </section>
  );
}
