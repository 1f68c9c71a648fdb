// Names a user chooses (topics, producers, consumers, groups) key plain objects in the state.
// A name that is also a property every JavaScript object has (`__proto__`, `constructor`,
// `toString`, ...) would read or even replace that property instead of an entry, so the engine
// refuses it with a sentence the user can act on.

export function reservedName(kind: string, name: string): { name: string; message: string } | null {
  if (!(name in Object.prototype)) return null;
  return {
    name: "InvalidRequest",
    message: `"${name}" cannot be used as a ${kind} name here: it is the name of a built-in JavaScript property. Choose another name.`,
  };
}

/** An entry of a name-keyed map, never a property inherited from Object.prototype. */
export function entry<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(map, name) ? map[name] : undefined;
}
