import { closest, distance } from 'fastest-levenshtein';

/**
 * The known name that `value` is most likely a misspelling of (case ignored), or undefined when none is
 * near enough: every "did you mean" of lint, the format check and the derivation comes from here.
 */
export function lijktOp(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(
    value.toLowerCase(),
    known.map((n) => n.toLowerCase()),
  );
  const near = distance(value.toLowerCase(), best) <= Math.max(2, Math.floor(value.length / 3));
  return near ? known.find((n) => n.toLowerCase() === best) : undefined;
}

/** `; did you mean "x"?`, or nothing. */
export function bedoeldU(value: string, known: readonly string[]): string {
  const best = lijktOp(value, known);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
