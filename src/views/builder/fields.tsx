import { useId, type ReactNode } from "react";
import type { Problem } from "../../store/index.ts";
import { problemsAt } from "./problemPaths.ts";

function Errors({ id, problems }: { id: string; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <span id={id} className="field-error">
      {problems.map((p) => p.message).join("; ")}
    </span>
  );
}

// Each control is named by its label's text alone (aria-labelledby): through the wrapping label,
// Chromium would add a select's option texts to its name.
interface FieldProps {
  label: string;
  path: string;
  problems: readonly Problem[];
  /** Other paths whose problems belong beside this field too. */
  also?: readonly string[];
  /** Two columns wide where the form has room (a long choice stays readable). */
  wide?: boolean;
}

const mineOf = ({ path, problems, also = [] }: FieldProps): Problem[] =>
  [path, ...also].flatMap((p) => problemsAt(problems, p));

export interface Option<T extends string> {
  value: T;
  label: string;
  /** The heading the option is listed under, if any. */
  group?: string;
}

/** The options, with the current value first when it is not one of them (a renamed target). */
export function withCurrent<T extends string>(
  options: readonly Option<T>[],
  value: T,
  label: string,
): readonly Option<T>[] {
  return options.some((o) => o.value === value) ? options : [{ value, label }, ...options];
}

function Options<T extends string>({ options }: { options: readonly Option<T>[] }) {
  const one = (o: Option<T>) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  if (!options.some((o) => o.group !== undefined)) return <>{options.map(one)}</>;
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  return (
    <>
      {groups.map((g) =>
        g === "" ? (
          options.filter((o) => o.group === undefined).map(one)
        ) : (
          <optgroup key={g} label={g}>
            {options.filter((o) => o.group === g).map(one)}
          </optgroup>
        ),
      )}
    </>
  );
}

/** What a control needs from its frame: its name, and whether and where it is said to be wrong. */
interface ControlProps {
  "aria-labelledby": string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled field with the validator's problems beside it; `control` draws the input. */
function FieldFrame({
  field,
  control,
}: {
  field: FieldProps;
  control: (props: ControlProps) => ReactNode;
}) {
  const errorId = useId();
  const labelId = useId();
  const mine = mineOf(field);
  return (
    <label className={field.wide ? "field field-wide" : "field"}>
      <span id={labelId}>{field.label}</span>
      {control({
        "aria-labelledby": labelId,
        "aria-invalid": mine.length > 0 || undefined,
        "aria-describedby": mine.length > 0 ? errorId : undefined,
      })}
      <Errors id={errorId} problems={mine} />
    </label>
  );
}

export function NumberField({
  value,
  min,
  max,
  step,
  placeholder,
  onChange,
  ...field
}: FieldProps & {
  value: number;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  onChange: (v: number) => void;
}) {
  return (
    <FieldFrame
      field={field}
      control={(props) => (
        <input
          type="number"
          {...props}
          inputMode="numeric"
          value={Number.isFinite(value) ? value : ""}
          min={min}
          max={max}
          step={step ?? 1}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.valueAsNumber)}
        />
      )}
    />
  );
}

export function TextField({
  value,
  placeholder,
  onChange,
  ...field
}: FieldProps & { value: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <FieldFrame
      field={field}
      control={(props) => (
        <input
          type="text"
          {...props}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    />
  );
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: FieldProps & {
  value: T;
  options: readonly Option<T>[];
  onChange: (v: T) => void;
}) {
  return (
    <FieldFrame
      field={field}
      control={(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
          <Options options={options} />
        </select>
      )}
    />
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

/**
 * One item of a list (a topic, a producer...): a group named for it, with a Remove button, and
 * the problems about the item as a whole (not about one of its fields) under its name.
 */
export function Item({
  legend,
  onRemove,
  problems = [],
  children,
}: {
  legend: string;
  onRemove: () => void;
  problems?: readonly Problem[];
  children: ReactNode;
}) {
  const errorId = useId();
  const wrong = problems.length > 0;
  return (
    <fieldset
      className={wrong ? "builder-item has-problems" : "builder-item"}
      aria-describedby={wrong ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <div className="builder-fields">
        {wrong && (
          <p id={errorId} className="field-error item-error">
            {problems.map((p) => p.message).join("; ")}
          </p>
        )}
        {children}
      </div>
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
