/**
 * The values of a model file that the resolver reads with their own checks: kardinaliteiten, formele
 * patronen and the constraints of an objecttype or gegevensgroeptype (whose rules name its attribuutsoorten).
 * Each reports what is wrong at its place and gives what can still be used.
 */
import type { Findings } from '../diagnostics/findings.ts';
import { isRaw, items, str, type Raw, type YamlLocation } from './raw.ts';
import { bedoeldU } from './suggest.ts';
import type { Attribuutsoort, Constraint, Gegevensgroeptype, Kardinaliteit, Objecttype } from './types.ts';
import { attribuutsoortenOf, isDatum } from './view.ts';

export function parseKardinaliteit(value: unknown): Kardinaliteit | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return undefined;
  if (text === '*') return { min: 0, max: undefined, tekst: '0..*' };
  const m = /^(\d+)(?:\.\.(\d+|\*))?$/.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[2] === '*' ? undefined : Number(m[2]);
  if (max !== undefined && (max < min || max === 0)) return undefined;
  const tekst = m[2] === undefined ? `${min}` : `${min}..${m[2]}`;
  return { min, max, tekst };
}

export function resolveKardinaliteit(
  findings: Findings,
  value: unknown,
  location: YamlLocation,
  key = 'kardinaliteit',
): Kardinaliteit {
  if (value === undefined) return { min: 1, max: 1, tekst: '1' };
  const parsed = parseKardinaliteit(value);
  if (parsed) return parsed;
  findings.error(
    location.file.position([...location.path, key]),
    'invalid-kardinaliteit',
    `kardinaliteit ${JSON.stringify(value)} is not valid; write 1, 0..1, 1..*, 0..* or n..m with n <= m`,
  );
  return { min: 0, max: undefined, tekst: '0..*' };
}

export function resolvePatroon(findings: Findings, value: unknown, location: YamlLocation): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    new RegExp(value, 'u');
    return value;
  } catch (e) {
    findings.error(
      location.file.position([...location.path, 'formeelPatroon']),
      'invalid-pattern',
      `formeelPatroon ${JSON.stringify(value)} is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`,
    );
    return undefined;
  }
}

export function resolveConstraints(
  findings: Findings,
  eigenaar: Objecttype | Gegevensgroeptype,
  { raw, location }: { raw: Raw; location: YamlLocation },
): Constraint[] {
  return items(raw.constraints).flatMap(({ raw: c, index }) => {
    const at: YamlLocation = { file: location.file, path: [...location.path, 'constraints', index] };
    if (typeof c.naam !== 'string' || typeof c.specificatie !== 'string') return [];
    const constraint: Constraint = {
      id: str(c.id) ?? '',
      naam: c.naam,
      specificatie: c.specificatie,
      bron: at.file.position(at.path),
    };
    const regel = isRaw(c.regel) ? c.regel : undefined;
    const attribuut = (key: string): Attribuutsoort | undefined => {
      const naam = regel?.[key];
      if (typeof naam !== 'string') return undefined;
      const found = attribuutsoortenOf(eigenaar).find((a) => a.naam === naam);
      if (!found) {
        findings.error(
          at.file.position([...at.path, 'regel', key]),
          'unresolved-reference',
          `constraint "${c.naam}" names attribuutsoort "${naam}", which ${eigenaar.soort} "${eigenaar.naam}" does not have${bedoeldU(
            naam,
            attribuutsoortenOf(eigenaar).map((a) => a.naam),
          )}`,
        );
      }
      return found;
    };
    if (regel?.soort === 'datumvolgorde') {
      const vroegste = attribuut('vroegste');
      const laatste = attribuut('laatste');
      for (const [key, a] of [
        ['vroegste', vroegste],
        ['laatste', laatste],
      ] as const) {
        if (a && !isDatum(a)) {
          findings.error(
            at.file.position([...at.path, 'regel', key]),
            'invalid-constraint',
            `datumvolgorde compares dates, but "${a.naam}" is typed ${a.type.naam}; name an attribuutsoort typed with a date`,
          );
        }
      }
      if (vroegste && laatste && isDatum(vroegste) && isDatum(laatste))
        constraint.regel = { soort: 'datumvolgorde', vroegste, laatste };
    } else if (regel?.soort === 'voorwaarde') {
      const als = attribuut('als');
      const vereist = attribuut('vereist');
      const waarde = regel.waarde;
      if (als && vereist && (typeof waarde === 'string' || typeof waarde === 'number' || typeof waarde === 'boolean')) {
        constraint.regel = { soort: 'voorwaarde', als, waarde, vereist };
      }
    }
    return [constraint];
  });
}
