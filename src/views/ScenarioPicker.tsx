import type { ScenarioEntry } from "../store/index.ts";

export function ScenarioPicker({
  scenarios,
  value,
  onChange,
}: {
  scenarios: readonly ScenarioEntry[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select aria-label="Scenario" value={value} onChange={(e) => onChange(e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
