/**
 * A name as a TypeScript type name: `WSNP-traject` → `WSNPTraject`, `Deelplan/Veld` → `DeelplanVeld`,
 * `3D-gebied` → `_3DGebied`. Shared by the package emitter (which writes it) and lint (which refuses two type
 * names of a model that become the same identifier, so that two interfaces never merge).
 */
export function typeNaam(naam: string): string {
  const parts = naam.split(/[^\p{L}\p{N}_$]+/u).filter(Boolean);
  const joined = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  const safe = joined === '' ? 'Naamloos' : joined;
  return /^\p{N}/u.test(safe) ? `_${safe}` : safe;
}
