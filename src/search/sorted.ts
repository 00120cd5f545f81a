// Owns looking a number up in a sorted list of document numbers (binary search), for the engine's
// matched terms and the page's watched words alike.

export function containsSorted(sorted: ArrayLike<number>, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
