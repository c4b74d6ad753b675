import type Handlebars from "handlebars";

/**
 * Helpers templates may use. Each takes plain values and returns text or a
 * boolean; none reaches outside the context it is given.
 */
export function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  env.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  env.registerHelper("and", (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  env.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper("not", (a: unknown) => !a);
  env.registerHelper("len", (list: unknown) => (Array.isArray(list) ? list.length : 0));
  /** `{{join list ", "}}`: the items of a list joined; each is escaped by the caller's `{{ }}`. */
  env.registerHelper("join", (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof separator === "string" ? separator : ", ") : "",
  );
  /** `{{plural count "engagement" "engagements"}}` */
  env.registerHelper("plural", (count: unknown, one: unknown, many: unknown) =>
    `${Number(count)} ${Number(count) === 1 ? String(one) : String(many)}`,
  );
  /** `{{minus counts.upcoming 15}}`: a count less another, never below zero (the rows a capped list leaves out). */
  env.registerHelper("minus", (a: unknown, b: unknown) => Math.max(0, Number(a) - Number(b)));
  /** `{{#each (first list 3)}}…{{/each}}`: the first n items of a list. */
  env.registerHelper("first", (list: unknown, n: unknown) => (Array.isArray(list) ? list.slice(0, Number(n)) : []));
}
