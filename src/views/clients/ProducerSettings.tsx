import { memo, useState, type FormEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Acks } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import {
  KEY_PRESETS,
  parseKeyList,
  presetOf,
  presetWorkload,
  type KeyPresetId,
} from "./keyPresets.ts";

const ACKS: readonly { value: string; acks: Acks; label: string }[] = [
  { value: "0", acks: 0, label: "0 (fire and forget)" },
  { value: "1", acks: 1, label: "1 (leader only)" },
  { value: "all", acks: "all", label: "all (every in-sync replica)" },
];

/** acks, rate, keys and on/off, changed live through setProducer. */
export const ProducerSettings = memo(function ProducerSettings({ id }: { id: string }) {
  const p = useSim(
    useShallow((s) => {
      const pr = s.run.state.producers[id]!;
      return {
        acks: String(pr.config.acks),
        rate: pr.ratePerSec,
        running: pr.running,
        preset: presetOf(pr.keys, pr.keyDistribution),
        keyText: (pr.keys ?? []).join(", "),
      };
    }),
  );
  const issue = useSim((s) => s.issue);
  const [rate, setRate] = useState<string | null>(null);
  const [custom, setCustom] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const preset: KeyPresetId = editing ? "custom" : p.preset;

  const submitRate = (e: FormEvent): void => {
    e.preventDefault();
    if (rate === null) return;
    issue({ type: "setProducer", producer: id, ratePerSec: Number(rate) });
    setRate(null);
  };
  const choosePreset = (value: string): void => {
    if (value === "custom") {
      setEditing(true);
      return;
    }
    setEditing(false);
    const w = presetWorkload(value as Exclude<KeyPresetId, "custom">);
    issue({ type: "setProducer", producer: id, ...w });
  };
  const submitKeys = (e: FormEvent): void => {
    e.preventDefault();
    const keys = parseKeyList(custom ?? p.keyText);
    issue({ type: "setProducer", producer: id, keys, keyDistribution: "uniform" });
    setCustom(null);
    setEditing(false);
  };

  return (
    <div className="client-controls">
      <label className="client-field">
        <span>acks</span>
        <select
          value={p.acks}
          onChange={(e) => {
            const a = ACKS.find((x) => x.value === e.target.value);
            if (a) issue({ type: "setProducer", producer: id, acks: a.acks });
          }}
        >
          {ACKS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <form className="client-field inline" onSubmit={submitRate}>
        <label htmlFor={`rate-${id}`}>Rate (records/s)</label>
        <input
          id={`rate-${id}`}
          type="number"
          min={0}
          max={10000}
          step={1}
          required
          value={rate ?? String(p.rate)}
          onChange={(e) => setRate(e.target.value)}
        />
        <button type="submit" aria-label={`Set rate of producer ${id}`}>
          Set
        </button>
      </form>
      <label className="client-field">
        <span>Keys</span>
        <select value={preset} onChange={(e) => choosePreset(e.target.value)}>
          {KEY_PRESETS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
          <option value="custom">Your own list…</option>
        </select>
      </label>
      {preset === "custom" && (
        <form className="client-field inline" onSubmit={submitKeys}>
          <label htmlFor={`keys-${id}`}>Key list</label>
          <input
            id={`keys-${id}`}
            type="text"
            placeholder="alice, bob (empty: no key)"
            value={custom ?? p.keyText}
            onChange={(e) => setCustom(e.target.value)}
          />
          <button type="submit" aria-label={`Set keys of producer ${id}`}>
            Set
          </button>
        </form>
      )}
      {/* The name starts with the words on the button, as speech input expects. */}
      <button
        type="button"
        onClick={() => issue({ type: "setProducer", producer: id, running: !p.running })}
        aria-label={p.running ? `Stop sending (${id})` : `Start sending (${id})`}
      >
        <span aria-hidden="true">{p.running ? "■ " : "▶ "}</span>
        {p.running ? "Stop sending" : "Start sending"}
      </button>
    </div>
  );
});
