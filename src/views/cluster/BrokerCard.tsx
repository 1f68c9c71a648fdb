import { useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { BrokerActions } from "./BrokerActions.tsx";
import { BrokerStateBadges } from "./BrokerState.tsx";
import type { KeyColour } from "./keyColours.ts";
import { cardSignature, replicasOn, type ReplicaView } from "./replicas.ts";
import { ReplicaRow } from "./ReplicaRow.tsx";

/** Records shown per replica: enough to see the uncommitted tail and a few committed ones. */
const TAIL_LENGTH = 8;

export function BrokerCard({ id, colour }: { id: number; colour: KeyColour }) {
  const { status, isolated, fenced, controller } = useSim(
    useShallow((s) => {
      const b = s.run.state.brokers[String(id)]!;
      return {
        status: b.status,
        isolated: b.isolated,
        fenced: b.fenced,
        controller: s.run.state.controller.active === id,
      };
    }),
  );
  // Rows are rebuilt when the card's fingerprint changes, not on every frame.
  const rows = useRef<{ signature: string; replicas: ReplicaView[] } | null>(null);
  const replicas = useSim((s) => {
    const signature = cardSignature(s.run.state, id);
    if (rows.current?.signature !== signature)
      rows.current = { signature, replicas: replicasOn(s.run.state, id, TAIL_LENGTH) };
    return rows.current.replicas;
  });
  // On a touch screen the actions fold away; tapping the card (or its Actions button) opens them.
  const [open, setOpen] = useState(false);
  return (
    <section
      className={`broker-card is-${status}${isolated ? " is-isolated" : ""}${controller ? " is-controller" : ""}`}
      aria-label={`Broker ${id}`}
      data-observe=""
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest("button")) setOpen((o) => !o);
      }}
    >
      <header data-anchor={`broker:${id}`} data-observe="">
        <h3>Broker {id}</h3>
        <BrokerStateBadges
          status={status}
          isolated={isolated}
          fenced={fenced}
          controller={controller}
        />
        <button
          type="button"
          className="menu-button"
          aria-label={`Actions for broker ${id}`}
          aria-expanded={open}
          aria-controls={`broker-${id}-actions`}
          onClick={() => setOpen((o) => !o)}
        >
          ⋯
        </button>
      </header>
      <ul className="replica-list" aria-label={`Replicas on broker ${id}`}>
        {replicas.map((r) => (
          <ReplicaRow key={r.name} replica={r} brokerId={id} colour={colour} />
        ))}
      </ul>
      <BrokerActions
        id={id}
        status={status}
        isolated={isolated}
        className={`broker-actions${open ? " open" : ""}`}
      />
    </section>
  );
}
