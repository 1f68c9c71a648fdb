import { memo, useState, type FormEvent } from "react";
import { useSim } from "../SimContext.tsx";

const BURSTS = [10, 100, 1000];

/** One record with a chosen key and value, or a burst, through the produce command. */
export const ProduceForm = memo(function ProduceForm({ id }: { id: string }) {
  const issue = useSim((s) => s.issue);
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [burst, setBurst] = useState(100);

  const produce = (count: number): void => {
    issue({
      type: "produce",
      producer: id,
      // An empty field is a record without a key; an empty value gets the producer's own.
      key: key.trim() === "" ? null : key.trim(),
      ...(value === "" ? {} : { value }),
      ...(count > 1 ? { count } : {}),
    });
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    produce(1);
  };

  return (
    <form className="produce-form" onSubmit={submit} aria-label={`Produce with ${id}`}>
      <label className="client-field">
        <span>Key</span>
        <input
          type="text"
          value={key}
          placeholder="none (null key)"
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      <label className="client-field">
        <span>Value</span>
        <input
          type="text"
          value={value}
          placeholder="automatic"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <div className="produce-buttons">
        <button type="submit">Produce one record</button>
        <span className="burst">
          <button type="button" onClick={() => produce(burst)}>
            Burst of {burst}
          </button>
          <select
            aria-label="Burst size"
            value={burst}
            onChange={(e) => setBurst(Number(e.target.value))}
          >
            {BURSTS.map((n) => (
              <option key={n} value={n}>
                {n} records
              </option>
            ))}
          </select>
        </span>
      </div>
    </form>
  );
});
