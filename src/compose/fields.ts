/**
 * The fields a template can use: the shape of what `toTemplateContext`
 * returns, with one line about each. The template checker resolves every
 * field a template names against this tree, and docs/template-fields.md is
 * written from it; a test keeps it in step with the real context.
 */

/** A value a template can write out or test. `blank`: the empty text "" when there is none. */
export interface ValueField {
  type: "text" | "number" | "boolean";
  description: string;
  blank?: boolean;
}

/** An object whose fields are named below it. */
export interface ObjectField {
  type: "object";
  description: string;
  fields: Fields;
}

/** A list; `#each` runs once per item, and `list.length` is how many there are. */
export interface ListField {
  type: "list";
  description: string;
  items: Field;
}

export type Field = ValueField | ObjectField | ListField;
export type Fields = Readonly<Record<string, Field>>;

const text = (description: string, blank = false): ValueField => (blank ? { type: "text", description, blank } : { type: "text", description });
const number = (description: string, blank = false): ValueField => (blank ? { type: "number", description, blank } : { type: "number", description });
const boolean = (description: string): ValueField => ({ type: "boolean", description });
const object = (description: string, fields: Fields): ObjectField => ({ type: "object", description, fields });
const list = (description: string, items: Field): ListField => ({ type: "list", description, items });

const engagement = object("An engagement, as one row of engagements.csv.", {
  id: text("Its id, as in the input."),
  title: text("Its title."),
  startDate: text("Its first day, an ISO date (2025-02-11)."),
  endDate: text("Its last day, an ISO date.", true),
  dates: text("Its days as the locale writes them: one date, or a range."),
  kind: text("What kind of engagement: visit, meeting, talks, dialogue, exercise, workshop or other."),
  status: text("planned, completed or cancelled."),
  location: text("Where it took place.", true),
  partners: list("The names of its partners.", text("A partner's name.")),
  topics: list("The names of its topics.", text("A topic's name.")),
  officials: list("The officials who took part.", text("An official, as written in the input.")),
  summary: text("What happened.", true),
  sourceUrl: text("The link to its source.", true),
  extra: list("The cells of columns that engagements.csv adds, in input order; empty cells are left out.", object("An added column's cell.", {
    name: text("The column's header, as typed."),
    label: text("The header written as a label: source ⇒ Source, press_office ⇒ Press office."),
    value: text("The cell's text."),
  })),
});

const namedCount = (description: string) => object(description, {
  name: text("The topic's name."),
  count: number("How many engagements."),
});

const names = (description: string, item: string) => list(description, text(item));

/** The root of the template context: what `{{field}}` names at the top of a template, and `@root.field` anywhere. */
export const CONTEXT_FIELDS: Fields = {
  title: text("The briefing's title, from the config."),
  office: text("The issuing office, from the config.", true),
  marking: text("The marking printed on every page, from the config."),
  author: text("The author written into the files' properties, from the config."),
  locale: text("The config's locale, such as en-US or es-PE."),
  asOf: object("The date the data is as of.", {
    iso: text("As an ISO date."),
    text: text("As the locale writes it."),
  }),
  period: object("The period the briefing covers.", {
    label: text("Its name, such as 2025-W07 or 2025-02."),
    kind: text("week, month or range."),
    from: text("Its first day, an ISO date."),
    to: text("Its last day, an ISO date."),
    text: text("Its days as the locale writes them."),
  }),
  window: object("The trailing window of weeks that ends with the period.", {
    weeks: number("How many weeks it spans."),
    from: text("Its first day, an ISO date."),
    to: text("Its last day, an ISO date."),
    text: text("Its days as the locale writes them."),
  }),
  counts: object("How many there are of each, in all: the lists below hold at most the rows a packet table shows.", {
    engagements: number("Engagements in the inputs."),
    periodEngagements: number("Engagements that start in the period."),
    upcoming: number("Planned engagements after the period."),
    partners: number("Partners."),
    topics: number("Topics (cooperation areas)."),
    initiatives: number("Initiatives."),
    issues: number("Data issues, errors and warnings."),
    errors: number("Data issues that are errors."),
    warnings: number("Data issues that are warnings."),
  }),
  periodEngagements: list("The engagements that start in the period, at most 200.", engagement),
  periodEngagementsLeftOut: number("How many more the period has than periodEngagements lists."),
  windowEngagements: list("The engagements that start in the window, at most 200.", engagement),
  windowEngagementsLeftOut: number("How many more the window has than windowEngagements lists."),
  windowNewest: list("The engagements that start in the window, newest first, at most 200.", engagement),
  windowEngagementsTotal: number("How many engagements start in the window, in all."),
  upcoming: list("Planned engagements after the period, at most 200.", engagement),
  upcomingLeftOut: number("How many more there are than upcoming lists."),
  partners: list("The partners, in input order.", object("A partner.", {
    id: text("Its id, as in partners.csv; `::: profile {{id}}` draws its topic profile."),
    name: text("Its name."),
    kind: text("What kind of partner, as in partners.csv.", true),
    region: text("Its region.", true),
    focus: boolean("Whether it is the config's focus partner."),
    windowCount: number("How many engagements it had in the window."),
    previousCount: number("How many engagements it had in the window of the same length before the window."),
    change: object("Its window's count against the window before.", {
      direction: text("up, down or same."),
      by: number("By how many engagements it is up or down; 0 when the same."),
    }),
    profile: list("Its topics in the window, most engagements first; cancelled ones not counted.", namedCount("A topic and how many of the partner's engagements touched it.")),
    recent: list("Its most recent engagements in the window, newest first, at most 20 (a template shows the first few).", engagement),
  })),
  topics: list("The topics (cooperation areas), in input order.", object("A topic.", {
    id: text("Its id, as in cooperation-areas.csv."),
    name: text("Its name."),
    category: text("Its category.", true),
    description: text("What it covers.", true),
  })),
  initiatives: list("The roadmap's initiatives, in input order.", object("An initiative.", {
    year: number("The year it is planned for."),
    title: text("Its title."),
    objective: text("What it is for.", true),
    status: text("Its status, as in initiatives.csv.", true),
    partners: names("The names of its partners.", "A partner's name."),
    topics: names("The names of its topics.", "A topic's name."),
  })),
  issuesLeftOut: number("How many more data issues there are than issues lists."),
  issues: list("Problems found in the inputs, at most 200, by file and line.", object("A data issue.", {
    file: text("The input file it is in."),
    line: number("Its line in the file.", true),
    column: text("The column it is in.", true),
    value: text("The value as typed.", true),
    severity: text("error or warning."),
    code: text("What kind of problem, such as date_invalid."),
    message: text("What is wrong."),
    hint: text("How to fix it.", true),
    leftOut: text("What the build left out for it: row, file, or nothing.", true),
    text: text("The whole issue as the command line prints it."),
  })),
  highlights: object("What stands out in the period.", {
    activePartners: names("Partners with engagements in the period.", "A partner's name."),
    newPartners: names("Partners of the period with none earlier in the window.", "A partner's name."),
    activeTopics: names("Topics of the period's engagements.", "A topic's name."),
    newTopics: names("Topics of the period with none earlier in the window.", "A topic's name."),
    busiestTopics: list("The period's topics, most engagements first.", namedCount("A topic and how many of the period's engagements touched it.")),
    standoutTopics: list(
      "The period's busiest topics when they stand out (counted at least twice, more than the rest and half as much again as their average); else empty.",
      namedCount("A topic and how many of the period's engagements touched it."),
    ),
  }),
  matrix: object("The partner × topic heat maps.", {
    period: object("Of the period.", { total: number("Its partner–topic contacts."), empty: boolean("Whether it has none.") }),
    window: object("Of the window.", { total: number("Its partner–topic contacts."), empty: boolean("Whether it has none.") }),
  }),
  engagements: list("Every engagement in the inputs, in date order (a large archive is slow to go through).", engagement),
};

/** The root of the context as one field, for walking the tree from the top. */
export const CONTEXT_FIELD: ObjectField = object("The briefing.", CONTEXT_FIELDS);
