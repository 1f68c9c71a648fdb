import { useId, type ReactNode } from "react";
import type { Problem } from "../../store/index.ts";

/** Problems about the field at `path` or anything inside it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

function Errors({ id, problems }: { id: string; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <span id={id} className="field-error">
      {problems.map((p) => p.message).join("; ")}
    </span>
  );
}

interface FieldProps {
  label: string;
  path: string;
  problems: readonly Problem[];
}

export function NumberField({
  label,
  path,
  problems,
  value,
  min,
  max,
  step,
  onChange,
}: FieldProps & {
  value: number;
  min?: number;
  max?: number;
  step?: number;
  onChange: (v: number) => void;
}) {
  const errorId = useId();
  const mine = problemsAt(problems, path);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        value={Number.isFinite(value) ? value : ""}
        min={min}
        max={max}
        step={step ?? 1}
        aria-invalid={mine.length > 0 || undefined}
        aria-describedby={mine.length > 0 ? errorId : undefined}
        onChange={(e) => onChange(e.currentTarget.valueAsNumber)}
      />
      <Errors id={errorId} problems={mine} />
    </label>
  );
}

export function TextField({
  label,
  path,
  problems,
  value,
  placeholder,
  onChange,
}: FieldProps & { value: string; placeholder?: string; onChange: (v: string) => void }) {
  const errorId = useId();
  const mine = problemsAt(problems, path);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={value}
        placeholder={placeholder}
        aria-invalid={mine.length > 0 || undefined}
        aria-describedby={mine.length > 0 ? errorId : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <Errors id={errorId} problems={mine} />
    </label>
  );
}

export function SelectField<T extends string>({
  label,
  path,
  problems,
  value,
  options,
  onChange,
}: FieldProps & {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const errorId = useId();
  const mine = problemsAt(problems, path);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value}
        aria-invalid={mine.length > 0 || undefined}
        aria-describedby={mine.length > 0 ? errorId : undefined}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={errorId} problems={mine} />
    </label>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="field field-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** One item of a list (a topic, a producer...): a group named for it, with a Remove button. */
export function Item({
  legend,
  onRemove,
  children,
}: {
  legend: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="builder-item">
      <legend>{legend}</legend>
      <div className="builder-fields">{children}</div>
      <button
        type="button"
        className="remove"
        onClick={onRemove}
        aria-label={`Remove ${legend.toLowerCase()}`}
      >
        Remove
      </button>
    </fieldset>
  );
}
