import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { DEFAULT_CONFIG, loadConfig, type Config } from "./config.js";
import { BriefkitError } from "./errors.js";
import { loadInputs, type LoadResult } from "./inputs/load.js";
import { resolveSettings, type SettingChoices, type Settings } from "./options.js";
import type { OnProgress } from "./progress.js";

/** The config file read when none is named; a missing one gives the defaults. */
export const CONFIG_FILE = "briefkit.config.json";

/** Where the settings of a build come from. Relative paths are relative to `cwd`. */
export interface SettingsOptions extends SettingChoices {
  /** The working folder; default: the process's. */
  cwd?: string;
  /**
   * The config file, or the config itself, or null for none. Default:
   * `briefkit.config.json` in `cwd` when it is there. A named file must exist.
   */
  config?: string | Config | null;
}

/** Settings, with where they were found: paths are as given (relative to `cwd`), for messages. */
export interface ResolvedSettings extends Settings {
  cwd: string;
  /** The config file read; null when there was none. */
  configPath: string | null;
}

/**
 * Reads the config and applies the choices over it over the defaults.
 * Relative paths in a config, and the `inputs/` and `templates/` beside
 * it, are relative to the config file's own folder.
 */
export async function loadSettings(options: SettingsOptions = {}): Promise<ResolvedSettings> {
  const cwd = options.cwd ?? process.cwd();
  const given = options.config;
  const path = given === undefined ? CONFIG_FILE : typeof given === "string" ? given : null;
  let config: Config = typeof given === "object" && given !== null ? given : DEFAULT_CONFIG;
  let configPath: string | null = null;
  if (path !== null) {
    const loaded = await loadConfig({ path: onDisk(cwd, path), explicit: given !== undefined });
    // The defaults come back, as they are, only for a default file that is not there.
    if (loaded !== DEFAULT_CONFIG) [config, configPath] = [loaded, path];
  }
  const base = configPath === null ? "." : dirname(configPath);
  const settings = resolveSettings({ choices: options, config, base, exists: (p) => existsSync(onDisk(cwd, p)) });
  return { ...settings, cwd, configPath };
}

/**
 * The path to hand to the file system for a path relative to `cwd`. In the
 * process's own working folder it stays as given, so that messages and the
 * reports name files as the user wrote them.
 */
export function onDisk(cwd: string, path: string): string {
  return isAbsolute(path) || resolve(cwd) === process.cwd() ? path : resolve(cwd, path);
}

/** Which folder of the settings a check is about; the message names it so. */
export type FolderSetting = "inputs" | "templates";

/** Checks that a folder of the settings exists and is a folder; returns its path on disk. */
export function requireFolder(settings: ResolvedSettings, key: FolderSetting): string {
  const path = settings[key];
  const stats = statSync(onDisk(settings.cwd, path), { throwIfNoEntry: false });
  const fail = (reason: string) => new BriefkitError({ code: "usage", option: key, location: path, message: `${key} folder ${path}: ${reason}` });
  if (stats === undefined) throw fail("no such folder");
  if (!stats.isDirectory()) throw fail("this is a file; give the folder that holds it");
  return onDisk(settings.cwd, path);
}

/** Reads and validates the inputs of the settings, once for every period a build makes. */
export function loadBuildInputs(settings: ResolvedSettings, options: { onProgress?: OnProgress } = {}): Promise<LoadResult> {
  const dir = requireFolder(settings, "inputs");
  return loadInputs({ dir, dateOrder: settings.config.dateOrder, onProgress: options.onProgress });
}
