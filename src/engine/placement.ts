// Where the replicas of a new topic's partitions go: Kafka's AdminUtils.assignReplicasToBrokers
// (server-common, org.apache.kafka.admin), rack-unaware and rack-aware, output for output.
// KRaft controllers place new topics with a randomized StripedReplicaPlacer instead; AdminUtils is
// the deterministic algorithm Kafka's placement tests pin (and `kafka-reassign-partitions
// --generate` uses), so the engine uses it with seeded draws.

export interface BrokerMetadata {
  readonly id: number;
  /** `broker.rack`; either every broker has one or none does. */
  readonly rack?: string;
}

export interface RackedBroker {
  readonly id: number;
  readonly rack: string;
}

export type PlacementErrorName =
  "InvalidReplicationFactorException" | "InvalidPartitionsException" | "AdminOperationException";

export interface PlacementError {
  readonly name: PlacementErrorName;
  /** A sentence for a student, not a stack trace. */
  readonly message: string;
}

export type PlacementResult =
  | { readonly ok: true; readonly assignment: number[][] }
  | { readonly ok: false; readonly error: PlacementError };

/** A seeded draw in `0..bound-1` (Java's `Random.nextInt(bound)`). */
export type NextRandomInt = (bound: number) => number;

/**
 * Replica lists (leader first) for `partitions` partitions numbered from `startPartitionId`:
 * index 0 of the result is partition `max(0, startPartitionId)`.
 *
 * Errors a user can cause (bad partition count, replication factor, racks) come back as values.
 * It throws only on a programmer error: a random start (no `fixedStartIndex >= 0`) without a
 * seeded `nextRandomInt`, which the engine must always supply (it has no Math.random).
 *
 * @param fixedStartIndex >= 0 fixes both the start index and the replica shift (Kafka's tests);
 *   negative or absent draws the start index, then the shift, each with `nextRandomInt(#brokers)`.
 */
export function placeReplicas(
  brokers: readonly BrokerMetadata[],
  partitions: number,
  replicationFactor: number,
  fixedStartIndex = -1,
  startPartitionId = -1,
  nextRandomInt?: NextRandomInt,
): PlacementResult {
  const error = validate(brokers, partitions, replicationFactor);
  if (error !== null) return { ok: false, error };

  const start = startAndShift(brokers.length, fixedStartIndex, nextRandomInt);
  const firstPartitionId = Math.max(0, startPartitionId);
  const racked = brokers.filter(hasRack);
  const assignment =
    racked.length === 0
      ? assignRackUnaware(
          brokers.map((b) => b.id).sort((a, b) => a - b),
          partitions,
          replicationFactor,
          start,
          firstPartitionId,
        )
      : assignRackAware(racked, partitions, replicationFactor, start, firstPartitionId);
  return { ok: true, assignment };
}

/**
 * Kafka's exact AdminUtils.assignReplicasToBrokers, with the same arguments, for callers that
 * have already validated. Throws an Error named after Kafka's exception (and whose message
 * starts with that name) where Kafka throws; see `placeReplicas` for the error-as-value form.
 */
export function assignReplicasToBrokers(
  brokers: readonly BrokerMetadata[],
  partitions: number,
  replicationFactor: number,
  fixedStartIndex?: number,
  startPartitionId?: number,
  nextRandomInt?: NextRandomInt,
): number[][] {
  const result = placeReplicas(
    brokers,
    partitions,
    replicationFactor,
    fixedStartIndex,
    startPartitionId,
    nextRandomInt,
  );
  if (!result.ok) {
    const error = new Error(`${result.error.name}: ${result.error.message}`);
    error.name = result.error.name;
    throw error;
  }
  return result.assignment;
}

/**
 * AdminUtils.getRackAlternatedBrokerList: racks in name order, brokers by id within a rack, then
 * one broker from each rack in turn. Racks 0:r1 1:r3 2:r3 3:r2 4:r2 5:r1 give [0, 3, 1, 5, 4, 2].
 */
export function rackAlternatedBrokerList(brokers: readonly RackedBroker[]): number[] {
  const brokersByRack = new Map<string, number[]>();
  for (const { id, rack } of brokers) {
    const ids = brokersByRack.get(rack);
    if (ids === undefined) brokersByRack.set(rack, [id]);
    else ids.push(id);
  }
  // Java's String.compareTo orders by UTF-16 code unit, as `<` does on JS strings.
  const racks = [...brokersByRack.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const queues = racks.map((rack) => brokersByRack.get(rack)!.sort((a, b) => a - b));
  const result: number[] = [];
  for (let round = 0; result.length < brokers.length; round++) {
    for (const queue of queues) {
      const id = queue[round];
      if (id !== undefined) result.push(id);
    }
  }
  return result;
}

interface StartAndShift {
  readonly startIndex: number;
  readonly shift: number;
}

function validate(
  brokers: readonly BrokerMetadata[],
  partitions: number,
  replicationFactor: number,
): PlacementError | null {
  const seen = new Set<number>();
  for (const { id } of brokers) {
    if (seen.has(id)) {
      return {
        name: "AdminOperationException",
        message: `Broker id ${id} is listed twice: every broker in a cluster needs its own id.`,
      };
    }
    seen.add(id);
  }
  // Kafka's order of checks: partitions, then replication factor, then racks.
  if (!Number.isInteger(partitions) || partitions <= 0) {
    return {
      name: "InvalidPartitionsException",
      message: `A topic needs a whole number of partitions, at least 1; ${partitions} was asked for.`,
    };
  }
  if (!Number.isInteger(replicationFactor) || replicationFactor <= 0) {
    return {
      name: "InvalidReplicationFactorException",
      message:
        `Replication factor ${replicationFactor} is not allowed: it must be a whole number, ` +
        "at least 1 (the leader is the first replica).",
    };
  }
  if (replicationFactor > brokers.length) {
    return {
      name: "InvalidReplicationFactorException",
      message:
        `Replication factor ${replicationFactor} is larger than the number of available brokers ` +
        `(${brokers.length}): each replica of a partition must be on a different broker.`,
    };
  }
  const withoutRack = brokers.filter((b) => !hasRack(b)).map((b) => b.id);
  if (withoutRack.length > 0 && withoutRack.length < brokers.length) {
    const which =
      withoutRack.length === 1
        ? `Broker ${withoutRack[0]} has`
        : `Brokers ${withoutRack.join(", ")} have`;
    return {
      name: "AdminOperationException",
      message:
        `${which} no rack while the others have one: rack-aware placement needs broker.rack ` +
        "on every broker, or on none.",
    };
  }
  return null;
}

function hasRack(broker: BrokerMetadata): broker is RackedBroker {
  return broker.rack !== undefined;
}

function startAndShift(
  numBrokers: number,
  fixedStartIndex: number,
  nextRandomInt: NextRandomInt | undefined,
): StartAndShift {
  if (fixedStartIndex >= 0) return { startIndex: fixedStartIndex, shift: fixedStartIndex };
  if (nextRandomInt === undefined) {
    throw new Error(
      "assignReplicasToBrokers: a random start index needs a seeded nextRandomInt " +
        "(or pass fixedStartIndex >= 0); the engine never uses Math.random",
    );
  }
  // Kafka draws the start index first, then the replica shift.
  const startIndex = checkedDraw(nextRandomInt, numBrokers);
  const shift = checkedDraw(nextRandomInt, numBrokers);
  return { startIndex, shift };
}

function checkedDraw(nextRandomInt: NextRandomInt, bound: number): number {
  const value = nextRandomInt(bound);
  if (!Number.isInteger(value) || value < 0 || value >= bound) {
    throw new RangeError(
      `nextRandomInt(${bound}) returned ${value}, not an integer in 0..${bound - 1}`,
    );
  }
  return value;
}

/** The j-th follower's offset from the leader: 1 + (shift + j) mod (n - 1), so never the leader. */
function replicaIndex(firstReplicaIndex: number, shift: number, j: number, n: number): number {
  return (firstReplicaIndex + 1 + ((shift + j) % (n - 1))) % n;
}

// Leaders go round-robin over the brokers; followers sit at a shift that grows by one after
// every n partitions, so the same replica sets do not repeat.
function assignRackUnaware(
  brokerIds: readonly number[],
  partitions: number,
  replicationFactor: number,
  { startIndex, shift: initialShift }: StartAndShift,
  firstPartitionId: number,
): number[][] {
  const n = brokerIds.length;
  const assignment: number[][] = [];
  let shift = initialShift;
  for (let partitionId = firstPartitionId; assignment.length < partitions; partitionId++) {
    if (partitionId > 0 && partitionId % n === 0) shift += 1;
    const first = (partitionId + startIndex) % n;
    const replicas = [brokerIds[first]!];
    for (let j = 0; j < replicationFactor - 1; j++) {
      replicas.push(brokerIds[replicaIndex(first, shift, j, n)]!);
    }
    assignment.push(replicas);
  }
  return assignment;
}

// Same walk over the rack-alternated list, with the shift scaled by the number of racks; a
// follower candidate is skipped while its rack already has a replica and some rack has none, or
// while it already holds one and some broker holds none.
function assignRackAware(
  brokers: readonly RackedBroker[],
  partitions: number,
  replicationFactor: number,
  { startIndex, shift: initialShift }: StartAndShift,
  firstPartitionId: number,
): number[][] {
  const rackOf = new Map<number, string>(brokers.map((b) => [b.id, b.rack]));
  const numRacks = new Set(rackOf.values()).size;
  const arranged = rackAlternatedBrokerList(brokers);
  const n = arranged.length;
  const assignment: number[][] = [];
  let shift = initialShift;
  for (let partitionId = firstPartitionId; assignment.length < partitions; partitionId++) {
    if (partitionId > 0 && partitionId % n === 0) shift += 1;
    const first = (partitionId + startIndex) % n;
    const leader = arranged[first]!;
    const replicas = [leader];
    const racksWithReplicas = new Set([rackOf.get(leader)!]);
    const brokersWithReplicas = new Set([leader]);
    // k runs on across the follower slots of one partition, as in Kafka.
    let k = 0;
    for (let j = 0; j < replicationFactor - 1; j++) {
      for (;;) {
        const broker = arranged[replicaIndex(first, shift * numRacks, k, n)]!;
        const rack = rackOf.get(broker)!;
        k += 1;
        const rackOk = !racksWithReplicas.has(rack) || racksWithReplicas.size === numRacks;
        const brokerOk = !brokersWithReplicas.has(broker) || brokersWithReplicas.size === n;
        if (rackOk && brokerOk) {
          replicas.push(broker);
          racksWithReplicas.add(rack);
          brokersWithReplicas.add(broker);
          break;
        }
      }
    }
    assignment.push(replicas);
  }
  return assignment;
}
