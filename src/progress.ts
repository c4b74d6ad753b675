/**
 * How far a build has got, for a progress display. `done` is the share of
 * the step done, from 0 to 1. A big archive's engagements file is read as
 * it is parsed and its workbook written row by row: those steps tell how
 * far they are; a small build is over before a display would show it.
 */
export type BuildProgress =
  | { step: "reading"; file: string; done: number }
  | { step: "workbook"; done: number | null }
  | { step: "packet" };

export type OnProgress = (progress: BuildProgress) => void;
