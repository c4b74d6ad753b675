/**
 * How far a build has got, for a progress display. `done` is the share of
 * the step done, from 0 to 1, or null when not known yet. A big archive's
 * engagements file is read as it is parsed, its workbook written row by row
 * and its packet drawn block by block: those steps tell how far they are; a
 * small build is over before a display would show it.
 */
export type BuildProgress =
  | { step: "reading"; file: string; done: number }
  | { step: "workbook"; done: number | null }
  | { step: "packet"; done: number | null };

export type OnProgress = (progress: BuildProgress) => void;
