import type { DetailStore } from "./detail-store.js";
import type { Engagement, EngagementKind, Status } from "./schemas.js";

/** Details kept in memory at most, the most recently read; a batch asked for at once may hold more until the next one. */
export const CACHE_SIZE = 4_096;

/**
 * An engagement of a DetailStore: its id and its row, every other field a
 * getter, the short ones read from the store's columns and the long text
 * from its file. `{ ...e }` leaves the getters out; `plainEngagement(e)` and
 * `JSON.stringify(e)` keep every field.
 */
export class StoredEngagement implements Engagement {
  constructor(
    readonly store: DetailStore,
    /** The engagement's row in its store. */
    readonly row: number,
    readonly id: string,
  ) {}

  get startDate(): string {
    return this.store.heads.startDate(this.row);
  }
  get endDate(): string | null {
    return this.store.heads.endDate(this.row);
  }
  get partners(): string[] {
    return this.store.heads.partners(this.row);
  }
  get topics(): string[] {
    return this.store.heads.topics(this.row);
  }
  get kind(): EngagementKind {
    return this.store.heads.kind(this.row);
  }
  get status(): Status {
    return this.store.heads.status(this.row);
  }
  get line(): number {
    return this.store.heads.line(this.row);
  }
  get title(): string {
    return this.store.details(this.row).title;
  }
  get location(): string {
    return this.store.details(this.row).location;
  }
  get officials(): string[] {
    return this.store.details(this.row).officials;
  }
  get summary(): string {
    return this.store.details(this.row).summary;
  }
  get sourceUrl(): string | null {
    return this.store.details(this.row).sourceUrl;
  }
  get extra(): Record<string, string> {
    return this.store.details(this.row).extra;
  }

  /** Every field, long text included, as JSON.stringify would give a plain engagement. */
  toJSON(): Engagement {
    return plainEngagement(this);
  }
}

/** Reads the long text of stored engagements before they are used, a batch per store; engagements held whole are left as they are. */
export function readDetails(engagements: Iterable<Engagement>): void {
  const byStore = new Map<DetailStore, StoredEngagement[]>();
  for (const e of engagements) {
    if (!(e instanceof StoredEngagement)) continue;
    const list = byStore.get(e.store);
    if (list === undefined) byStore.set(e.store, [e]);
    else list.push(e);
  }
  for (const [store, list] of byStore) store.read(list.map((e) => e.row));
}

/** The engagements in order, the long text of stored ones read a batch ahead; each pass reads again. */
export function withDetails(engagements: readonly Engagement[]): Iterable<Engagement> {
  return {
    *[Symbol.iterator]() {
      for (let from = 0; from < engagements.length; from += CACHE_SIZE) {
        const batch = engagements.slice(from, from + CACHE_SIZE);
        readDetails(batch);
        yield* batch;
      }
    },
  };
}

/** Maps engagements in order, reading the long text of stored ones a batch at a time. */
export function mapWithDetails<T>(engagements: readonly Engagement[], map: (e: Engagement) => T): T[] {
  const result: T[] = [];
  for (const e of withDetails(engagements)) result.push(map(e));
  return result;
}

/** A plain copy of an engagement, long text included: what can be handed to another thread. */
export function plainEngagement(e: Engagement): Engagement {
  return {
    id: e.id, startDate: e.startDate, endDate: e.endDate, title: e.title, partners: [...e.partners], topics: [...e.topics],
    kind: e.kind, location: e.location, officials: [...e.officials], summary: e.summary, sourceUrl: e.sourceUrl,
    status: e.status, extra: { ...e.extra }, line: e.line,
  };
}
