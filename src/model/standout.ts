/** How much more often than the average of the rest a leader must be counted to stand out. */
const MARGIN = 1.5;

/**
 * The leading items of a list sorted by count, most first, when they stand
 * out: at most `max` of them, each counted at least twice, more often than
 * every item not listed and at least half as often again as the rest on
 * average. Ties at the cut shorten the list; when nothing stands out (all
 * alike, nothing counted twice, or nothing left to stand out from) the list
 * is empty.
 */
export function standOut<T extends { count: number }>(sorted: readonly T[], max = 3): T[] {
  for (let length = Math.min(max, sorted.length - 1); length > 0; length--) {
    const last = sorted[length - 1]!.count;
    const rest = sorted.slice(length);
    const average = rest.reduce((sum, item) => sum + item.count, 0) / rest.length;
    if (last >= 2 && last > rest[0]!.count && last >= MARGIN * average) return sorted.slice(0, length);
  }
  return [];
}
