import type { Problem } from "../../store/index.ts";
import { KEY_DISTRIBUTIONS, type Acks } from "./builderForm.ts";
import { Item, NumberField, SelectField, TextField, withCurrent, type Option } from "./fields.tsx";
import { eventProblems } from "./problemPaths.ts";
import {
  ACTIONS,
  actionGroup,
  actionLabel,
  targetOf,
  TARGET_LABEL,
  type Action,
  type Target,
  type TimelineForm,
} from "./timelineForm.ts";

/**
 * What an event may act on: the brokers, producers, topics and groups defined in the form, and
 * the consumers that exist when the event runs.
 */
export type TargetOptions = Record<Target, readonly Option<string>[]>;

const ACTION_OPTIONS = ACTIONS.map((a) => ({
  value: a,
  label: actionLabel(a),
  group: actionGroup(a),
}));
const ACKS_OPTIONS: readonly Option<Acks>[] = [
  { value: "all", label: "all" },
  { value: "1", label: "1" },
  { value: "0", label: "0" },
];
const BOOLEAN_OPTIONS: readonly Option<"true" | "false">[] = [
  { value: "true", label: "true" },
  { value: "false", label: "false" },
];

/** The event's target, as the select shows it. */
const targetValue = (e: TimelineForm, t: Target): string =>
  t === "broker" ? String(e.broker) : e[t];

/**
 * One timeline event: when, what, on which broker, producer, topic, group or consumer, and the
 * values the action needs. Only those fields are shown; problems appear beside the field they
 * are about, and those about the event as a whole under its name.
 */
export function EventRow({
  index,
  event: e,
  problems,
  targets,
  addedBroker,
  nextMember,
  onChange,
  onRemove,
}: {
  index: number;
  event: TimelineForm;
  problems: readonly Problem[];
  targets: TargetOptions;
  /** addBroker: the id of the broker it adds. */
  addedBroker: number | undefined;
  /** addConsumer: the member name used when no id is typed. */
  nextMember: string | undefined;
  onChange: (patch: Partial<TimelineForm>) => void;
  onRemove: () => void;
}) {
  const path = `timeline[${index}]`;
  const target = targetOf(e.action);
  const current = target === null ? "" : targetValue(e, target);
  const field = (name: string): { path: string; problems: readonly Problem[] } => ({
    path: `${path}.${name}`,
    problems,
  });

  // A new action keeps the target when it is still one of the choices, else takes the first.
  const setAction = (action: Action): void => {
    const t = targetOf(action);
    const choices = t === null ? [] : targets[t];
    const keep = t === null || choices.some((o) => o.value === targetValue(e, t));
    const first = choices[0];
    onChange(keep || first === undefined ? { action } : { action, ...targetPatch(t, first.value) });
  };

  return (
    <Item
      legend={`Event ${index + 1}`}
      onRemove={onRemove}
      problems={eventProblems(problems, index, e.action)}
    >
      <NumberField
        label="At (seconds)"
        {...field("at")}
        value={e.atSeconds}
        min={0}
        step={0.5}
        onChange={(atSeconds) => onChange({ atSeconds })}
      />
      <SelectField
        label="Action"
        {...field("do")}
        wide
        value={e.action}
        options={ACTION_OPTIONS}
        onChange={setAction}
      />
      {target !== null && (
        <SelectField
          label={TARGET_LABEL[target]}
          {...field(target === "group" ? "groupId" : target)}
          also={target === "group" ? [`${path}.topics`, `${path}.config`] : undefined}
          value={current}
          options={withCurrent(
            targets[target],
            current,
            current === ""
              ? "(none)"
              : target === "consumer"
                ? `${current} (not there at that time)`
                : `${current} (not defined)`,
          )}
          onChange={(v) => onChange(targetPatch(target, v))}
        />
      )}
      {valueFields(e, path, problems, onChange, addedBroker, nextMember)}
    </Item>
  );
}

const targetPatch = (t: Target, v: string): Partial<TimelineForm> =>
  t === "broker" ? { broker: Number(v) } : { [t]: v };

/** The field (or note) holding the value the action needs, if it needs one. */
function valueFields(
  e: TimelineForm,
  path: string,
  problems: readonly Problem[],
  onChange: (patch: Partial<TimelineForm>) => void,
  addedBroker: number | undefined,
  nextMember: string | undefined,
) {
  const field = (name: string) => ({ path: `${path}.${name}`, problems });
  switch (e.action) {
    case "slowBroker":
      return (
        <NumberField
          label="Extra fetch delay (ms)"
          {...field("delayMs")}
          value={e.delayMs}
          min={0}
          step={1000}
          placeholder="default: lag time + 5 s"
          onChange={(delayMs) => onChange({ delayMs })}
        />
      );
    case "addBroker":
      return (
        <p className="builder-note">
          {addedBroker === undefined ? "Adds the next broker." : `Adds broker ${addedBroker}.`}
        </p>
      );
    case "produce":
      return (
        <>
          <NumberField
            label="Records"
            {...field("count")}
            value={e.count}
            min={1}
            max={100000}
            onChange={(count) => onChange({ count })}
          />
          <TextField
            label="Key"
            {...field("key")}
            value={e.key}
            placeholder="none: no key"
            onChange={(key) => onChange({ key })}
          />
          <NumberField
            label="Partition"
            {...field("partition")}
            value={e.partition}
            min={0}
            placeholder="any: the partitioner"
            onChange={(partition) => onChange({ partition })}
          />
        </>
      );
    case "setRate":
      return (
        <NumberField
          label="Records per second"
          {...field("ratePerSec")}
          value={e.ratePerSec}
          min={0}
          max={10000}
          onChange={(ratePerSec) => onChange({ ratePerSec })}
        />
      );
    case "setAcks":
      return (
        <SelectField
          label="acks"
          {...field("acks")}
          value={e.acks}
          options={ACKS_OPTIONS}
          onChange={(acks) => onChange({ acks })}
        />
      );
    case "setKeys":
      return (
        <>
          <TextField
            label="Keys (comma-separated)"
            {...field("keys")}
            wide
            value={e.keys}
            placeholder="none: no keys"
            onChange={(keys) => onChange({ keys })}
          />
          <SelectField
            label="Key distribution"
            {...field("keyDistribution")}
            value={e.keyDistribution}
            options={KEY_DISTRIBUTIONS}
            onChange={(keyDistribution) => onChange({ keyDistribution })}
          />
        </>
      );
    case "setMinIsr":
      return (
        <NumberField
          label="min.insync.replicas"
          {...field('config["min.insync.replicas"]')}
          value={e.minInsyncReplicas}
          min={1}
          onChange={(minInsyncReplicas) => onChange({ minInsyncReplicas })}
        />
      );
    case "setUnclean":
      return (
        <SelectField
          label="unclean.leader.election.enable"
          {...field('config["unclean.leader.election.enable"]')}
          value={e.uncleanLeaderElection ? "true" : "false"}
          options={BOOLEAN_OPTIONS}
          onChange={(v) => onChange({ uncleanLeaderElection: v === "true" })}
        />
      );
    case "addConsumer":
      return (
        <TextField
          label="Member id"
          {...field("consumer")}
          value={e.memberId}
          placeholder={nextMember ?? ""}
          onChange={(memberId) => onChange({ memberId })}
        />
      );
    case "setProcessingTime":
      return (
        <NumberField
          label="ms per record"
          {...field("ms")}
          value={e.processingMs}
          min={0}
          max={3600000}
          onChange={(processingMs) => onChange({ processingMs })}
        />
      );
    default:
      return null;
  }
}
