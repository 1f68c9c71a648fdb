// The member order of Kafka's range and round-robin assignors (AbstractPartitionAssignor
// .MemberInfo.compareTo): static members (with a `group.instance.id`, KIP-345) first, ordered by
// their instance id, so that a restarted static member with a new member id keeps its place; then
// dynamic members by member id.

/**
 * Java's `String.compareTo`: lexicographic by UTF-16 code unit, which is also how JavaScript's
 * `<` compares strings. So `"consumer10" < "consumer2"`.
 */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface MemberIdentity {
  readonly id: string;
  readonly groupInstanceId?: string | undefined;
}

/** MemberInfo.compareTo. */
export function compareMembers(a: MemberIdentity, b: MemberIdentity): number {
  const aInstance = a.groupInstanceId;
  const bInstance = b.groupInstanceId;
  if (aInstance !== undefined && bInstance !== undefined) {
    return compareJavaStrings(aInstance, bInstance);
  }
  if (aInstance !== undefined) return -1;
  if (bInstance !== undefined) return 1;
  return compareJavaStrings(a.id, b.id);
}

/** A sorted copy (stable, as Java's `Utils.sorted`). */
export function sortMembers<T extends MemberIdentity>(members: readonly T[]): T[] {
  return [...members].sort(compareMembers);
}
