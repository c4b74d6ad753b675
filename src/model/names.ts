/** A function from a partner's or topic's id to its name; an unknown id stands for itself. */
export function nameLookup(records: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const names = new Map(records.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
