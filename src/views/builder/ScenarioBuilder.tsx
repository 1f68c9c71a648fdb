import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  checkScenarioDocument,
  formatProblem,
  openScenarioDocument,
  type Scenario,
  type SimStoreApi,
} from "../../store/index.ts";
import {
  addedBrokerIds,
  ASSIGNORS,
  initialForm,
  KEY_DISTRIBUTIONS,
  newGroup,
  renamed,
  newProducer,
  newTopic,
  toDocument,
  type BuilderForm,
} from "./builderForm.ts";
import { EventRow, type TargetOptions } from "./EventRow.tsx";
import { CheckField, Item, NumberField, SelectField, TextField, withCurrent } from "./fields.tsx";
import { consumersAt, nextMemberIds, withMembersFollowing } from "./members.ts";
import { newEvent } from "./timelineForm.ts";
import "./builder.css";

const replaceAt = <T,>(list: readonly T[], i: number, item: T): T[] =>
  list.map((x, j) => (j === i ? item : x));
const removeAt = <T,>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/**
 * A form for a scenario without writing JSON: the cluster, topics, producers, consumer groups
 * and a timeline of events (broker faults, producer bursts and changes, topic configs, group
 * members added, crashed, paused...). Every change is checked by the scenario validator, and
 * its problems appear beside the fields they are about.
 */
export function ScenarioBuilder({
  onClose,
  onOpen,
}: {
  onClose: () => void;
  onOpen: (store: SimStoreApi, scenario: Scenario) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [form, setForm] = useState<BuilderForm>(initialForm);
  const [openError, setOpenError] = useState<string | null>(null);
  const problems = useMemo(() => checkScenarioDocument(toDocument(form)), [form]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Every edit keeps consumer events on their member when its name moves (a renamed group).
  const set = (patch: Partial<BuilderForm>): void =>
    setForm((f) => withMembersFollowing(f, { ...f, ...patch }));
  const topicNames = form.topics.map((t) => t.name);
  const addedBrokers = addedBrokerIds(form);
  const nextMembers = nextMemberIds(form);
  const consumers = consumersAt(form);
  const brokerIds = [
    ...Array.from({ length: Math.max(0, Math.min(200, form.brokers || 0)) }, (_, i) => i + 1),
    ...addedBrokers.filter((id): id is number => id !== undefined).sort((a, b) => a - b),
  ];
  const named = (names: readonly string[]) =>
    [...new Set(names)].map((n) => ({ value: n, label: n || "(unnamed)" }));
  const targets: TargetOptions = {
    broker: brokerIds.map((id) => ({ value: String(id), label: `Broker ${id}` })),
    producer: named(form.producers.map((p) => p.id)),
    topic: named(topicNames),
    group: named(form.groups.map((g) => g.groupId)),
    consumer: [],
  };
  const rename = (kind: "producer" | "topic" | "group", i: number, to: string): void =>
    setForm((f) => withMembersFollowing(f, renamed(f, kind, i, to)));

  const open = (): void => {
    if (problems.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    const opened = openScenarioDocument(toDocument(form));
    if (!opened.ok) {
      setOpenError(opened.errors.join(" "));
      return;
    }
    onOpen(opened.store, opened.scenario);
  };

  return (
    <dialog ref={ref} className="modal builder" aria-labelledby={titleId} onClose={onClose}>
      <div className="modal-head">
        <h2 id={titleId}>New scenario</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <fieldset className="builder-section">
          <legend>Cluster</legend>
          <div className="builder-fields">
            <TextField
              label="Scenario name"
              path="name"
              problems={problems}
              value={form.name}
              onChange={(name) => set({ name })}
            />
            <NumberField
              label="Brokers"
              path="brokers"
              problems={problems}
              value={form.brokers}
              min={1}
              max={200}
              onChange={(brokers) => set({ brokers })}
            />
            <NumberField
              label="Racks (0: none)"
              path="racks"
              problems={problems}
              value={form.racks}
              min={0}
              max={20}
              onChange={(racks) => set({ racks })}
            />
          </div>
        </fieldset>

        <fieldset className="builder-section">
          <legend>Topics</legend>
          {form.topics.map((t, i) => {
            const path = `topics[${i}]`;
            const put = (patch: Partial<typeof t>): void =>
              set({ topics: replaceAt(form.topics, i, { ...t, ...patch }) });
            return (
              <Item
                key={i}
                legend={`Topic ${i + 1}`}
                onRemove={() => set({ topics: removeAt(form.topics, i) })}
              >
                <TextField
                  label="Name"
                  path={`${path}.name`}
                  problems={problems}
                  value={t.name}
                  onChange={(name) => rename("topic", i, name)}
                />
                <NumberField
                  label="Partitions"
                  path={`${path}.partitions`}
                  problems={problems}
                  value={t.partitions}
                  min={1}
                  onChange={(partitions) => put({ partitions })}
                />
                <NumberField
                  label="Replication factor"
                  path={`${path}.replicationFactor`}
                  problems={problems}
                  value={t.replicationFactor}
                  min={1}
                  onChange={(replicationFactor) => put({ replicationFactor })}
                />
                <NumberField
                  label="min.insync.replicas"
                  path={`${path}.config["min.insync.replicas"]`}
                  problems={problems}
                  value={t.minInsyncReplicas}
                  min={1}
                  onChange={(minInsyncReplicas) => put({ minInsyncReplicas })}
                />
                <TextField
                  label="retention.ms"
                  path={`${path}.config["retention.ms"]`}
                  problems={problems}
                  value={t.retentionMs}
                  placeholder="default: 7 days"
                  onChange={(retentionMs) => put({ retentionMs })}
                />
                <CheckField
                  label="Unclean leader election"
                  checked={t.uncleanLeaderElection}
                  onChange={(uncleanLeaderElection) => put({ uncleanLeaderElection })}
                />
              </Item>
            );
          })}
          <button
            type="button"
            onClick={() => set({ topics: [...form.topics, newTopic(form.topics.length + 1)] })}
          >
            Add topic
          </button>
        </fieldset>

        <fieldset className="builder-section">
          <legend>Producers</legend>
          {form.producers.map((p, i) => {
            const path = `producers[${i}]`;
            const put = (patch: Partial<typeof p>): void =>
              set({ producers: replaceAt(form.producers, i, { ...p, ...patch }) });
            return (
              <Item
                key={i}
                legend={`Producer ${i + 1}`}
                onRemove={() => set({ producers: removeAt(form.producers, i) })}
              >
                <TextField
                  label="Id"
                  path={`${path}.id`}
                  problems={problems}
                  value={p.id}
                  onChange={(id) => rename("producer", i, id)}
                />
                <SelectField
                  label="Topic"
                  path={`${path}.topic`}
                  problems={problems}
                  value={p.topic}
                  options={withCurrent(targets.topic, p.topic, p.topic || "(none)")}
                  onChange={(topic) => put({ topic })}
                />
                <NumberField
                  label="Records per second"
                  path={`${path}.ratePerSec`}
                  problems={problems}
                  value={p.ratePerSec}
                  min={0}
                  max={10000}
                  onChange={(ratePerSec) => put({ ratePerSec })}
                />
                <TextField
                  label="Keys (comma-separated)"
                  path={`${path}.keys`}
                  problems={problems}
                  value={p.keys}
                  placeholder="none: no keys"
                  onChange={(keys) => put({ keys })}
                />
                <SelectField
                  label="Key distribution"
                  path={`${path}.keyDistribution`}
                  problems={problems}
                  value={p.keyDistribution}
                  options={KEY_DISTRIBUTIONS}
                  onChange={(keyDistribution) => put({ keyDistribution })}
                />
                <SelectField
                  label="acks"
                  path={`${path}.acks`}
                  problems={problems}
                  value={p.acks}
                  options={[
                    { value: "all", label: "all" },
                    { value: "1", label: "1" },
                    { value: "0", label: "0" },
                  ]}
                  onChange={(acks) => put({ acks })}
                />
                <SelectField
                  label="enable.idempotence"
                  path={`${path}.config`}
                  problems={problems}
                  value={p.idempotence}
                  options={[
                    { value: "default", label: "default (on with acks=all)" },
                    { value: "true", label: "true" },
                    { value: "false", label: "false" },
                  ]}
                  onChange={(idempotence) => put({ idempotence })}
                />
              </Item>
            );
          })}
          <button
            type="button"
            onClick={() =>
              set({
                producers: [
                  ...form.producers,
                  newProducer(form.producers.length + 1, topicNames[0] ?? ""),
                ],
              })
            }
          >
            Add producer
          </button>
        </fieldset>

        <fieldset className="builder-section">
          <legend>Consumer groups</legend>
          {form.groups.map((g, i) => {
            const path = `consumerGroups[${i}]`;
            const put = (patch: Partial<typeof g>): void =>
              set({ groups: replaceAt(form.groups, i, { ...g, ...patch }) });
            return (
              <Item
                key={i}
                legend={`Group ${i + 1}`}
                onRemove={() => set({ groups: removeAt(form.groups, i) })}
              >
                <TextField
                  label="group.id"
                  path={`${path}.groupId`}
                  problems={problems}
                  value={g.groupId}
                  onChange={(groupId) => rename("group", i, groupId)}
                />
                <SelectField
                  label="Topic"
                  path={`${path}.topics`}
                  problems={problems}
                  value={g.topic}
                  options={withCurrent(targets.topic, g.topic, g.topic || "(none)")}
                  onChange={(topic) => put({ topic })}
                />
                <NumberField
                  label="Members"
                  path={`${path}.members`}
                  problems={problems}
                  value={g.members}
                  min={0}
                  max={200}
                  onChange={(members) => put({ members })}
                />
                <SelectField
                  label="Assignor"
                  path={`${path}.config`}
                  problems={problems}
                  value={g.assignor}
                  options={ASSIGNORS.map((a) => ({ value: a, label: a }))}
                  onChange={(assignor) => put({ assignor })}
                />
              </Item>
            );
          })}
          <button
            type="button"
            onClick={() =>
              set({
                groups: [...form.groups, newGroup(form.groups.length + 1, topicNames[0] ?? "")],
              })
            }
          >
            Add consumer group
          </button>
        </fieldset>

        <fieldset className="builder-section">
          <legend>Timeline</legend>
          {form.timeline.map((e, i) => (
            <EventRow
              key={i}
              index={i}
              event={e}
              problems={problems}
              targets={{ ...targets, consumer: named(consumers[i] ?? []) }}
              addedBroker={addedBrokers[i]}
              nextMember={nextMembers[i]}
              onChange={(patch) =>
                set({ timeline: replaceAt(form.timeline, i, { ...e, ...patch }) })
              }
              onRemove={() => set({ timeline: removeAt(form.timeline, i) })}
            />
          ))}
          <button
            type="button"
            onClick={() =>
              set({
                timeline: [
                  ...form.timeline,
                  newEvent(form.timeline.length + 1, {
                    producer: form.producers[0]?.id,
                    topic: topicNames[0],
                    group: form.groups[0]?.groupId,
                    consumer: consumers.flat()[0],
                  }),
                ],
              })
            }
          >
            Add event
          </button>
        </fieldset>

        <div
          ref={summaryRef}
          tabIndex={-1}
          className={problems.length > 0 ? "builder-summary has-problems" : "builder-summary"}
          role="status"
        >
          {problems.length === 0 ? (
            <p>The scenario is valid.</p>
          ) : (
            <>
              <p>
                {problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before
                it opens:
              </p>
              <ul aria-label="Problems in the scenario">
                {problems.map((p, i) => (
                  <li key={i}>{formatProblem(p)}</li>
                ))}
              </ul>
            </>
          )}
          {openError && <p role="alert">{openError}</p>}
        </div>
        <div className="builder-actions">
          <button type="submit" className="primary">
            Open in simulator
          </button>
        </div>
      </form>
    </dialog>
  );
}
