import { useId, useRef, useState, type FormEvent } from "react";
import { useSim, useSimApi } from "../SimContext.tsx";
import { useTopicNames } from "../useTopicNames.ts";
import { ASSIGNOR_CHOICES } from "./AssignorSelect.tsx";
import { plannedConsumerIds } from "./groupView.ts";
import { MAX_MEMBERS, newGroupCommands, type NewGroupErrors } from "./newGroup.ts";
import "./clients.css";

/** A free group id to start from, so one click on "Add" already works. */
function suggestedId(groups: Readonly<Record<string, unknown>>): string {
  let n = 1;
  while (Object.hasOwn(groups, n === 1 ? "my-group" : `my-group-${n}`)) n++;
  return n === 1 ? "my-group" : `my-group-${n}`;
}

/**
 * Starts a consumer group the way a student would with kafka-console-consumer --group: N
 * consumers with the same group.id subscribe, and the coordinator shares the partitions out.
 */
export function AddGroupForm({ startOpen }: { startOpen: boolean }) {
  const topics = useTopicNames();
  const issue = useSim((s) => s.issue);
  const api = useSimApi();
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [groupId, setGroupId] = useState(() => suggestedId(api.getState().run.state.groups));
  const [chosen, setChosen] = useState<string[]>(() => topics.slice(0, 1));
  const [members, setMembers] = useState("2");
  const [assignor, setAssignor] = useState(ASSIGNOR_CHOICES[0]!.value);
  const [errors, setErrors] = useState<NewGroupErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const groupInput = useRef<HTMLInputElement>(null);
  const membersInput = useRef<HTMLInputElement>(null);
  const topicsBox = useRef<HTMLFieldSetElement>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const run = api.getState().run;
    const planned = plannedConsumerIds([...run.spec.timeline, ...run.commands]);
    const input = { groupId, topics: chosen, members: Number(members), assignor };
    const result = newGroupCommands(run.state, input, planned);
    setDone(null);
    if (!result.ok) {
      setErrors(result.errors);
      const first = result.errors.groupId
        ? groupInput.current
        : result.errors.topics
          ? topicsBox.current?.querySelector("input")
          : membersInput.current;
      first?.focus();
      return;
    }
    setErrors({});
    for (const command of result.commands) {
      issue(command);
      // A refused command leaves its reason in the store's error line; stop there.
      if (!api.getState().run.state.consumers[command.consumer.id]) return;
    }
    const made = result.commands[0]!.consumer.groupId;
    setDone(
      `Group ${made} added with ${result.commands.length} member${result.commands.length === 1 ? "" : "s"}. Play to see them join and share the partitions.`,
    );
    setGroupId(suggestedId(api.getState().run.state.groups));
  };

  const toggleTopic = (t: string, on: boolean): void =>
    setChosen((old) => (on ? [...old, t] : old.filter((x) => x !== t)));
  const err = (field: keyof NewGroupErrors) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </span>
    ) : null;
  const described = (field: keyof NewGroupErrors) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {};

  return (
    <details
      className="client-panel add-group"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Add a consumer group</summary>
      <form
        className="add-group-form"
        onSubmit={submit}
        noValidate
        aria-label="Add a consumer group"
      >
        <label className="client-field">
          <span>Group id (group.id)</span>
          <input
            ref={groupInput}
            type="text"
            value={groupId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setGroupId(e.target.value);
              setDone(null);
            }}
            {...described("groupId")}
          />
          {err("groupId")}
        </label>
        <fieldset
          ref={topicsBox}
          className="client-field add-group-topics"
          {...described("topics")}
        >
          <legend>Subscribe to</legend>
          {topics.map((t) => (
            <label key={t} className="client-field inline">
              <input
                type="checkbox"
                checked={chosen.includes(t)}
                onChange={(e) => toggleTopic(t, e.target.checked)}
              />
              <span>{t}</span>
            </label>
          ))}
          {topics.length === 0 && <span>The cluster has no topic yet.</span>}
          {err("topics")}
        </fieldset>
        <label className="client-field">
          <span>Members</span>
          <input
            ref={membersInput}
            type="number"
            min={1}
            max={MAX_MEMBERS}
            step={1}
            value={members}
            onChange={(e) => setMembers(e.target.value)}
            {...described("members")}
          />
          {err("members")}
        </label>
        <label className="client-field">
          <span>Assignor (partition.assignment.strategy)</span>
          <select
            value={assignor}
            onChange={(e) => setAssignor(e.target.value)}
            {...described("assignor")}
          >
            {ASSIGNOR_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          {err("assignor")}
        </label>
        <button type="submit">Add the group</button>
      </form>
      <p role="status" className="add-group-status">
        {done}
      </p>
    </details>
  );
}
