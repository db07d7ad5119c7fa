/**
 * The checks of a resolved informatiemodel as a whole, after every element is built: generalisaties that
 * cycle or go too deep, names that clash within an objecttype with what it inherits, and an attribuutsoort
 * typed as text where an enumeratie of its name exists.
 */
import type { Findings, Position } from '../diagnostics/findings.ts';
import { caseNote, items, type Raw, type YamlLocation } from './raw.ts';
import type { Attribuutsoort, Gegevensgroeptype, Informatiemodel, ModelElement, Objecttype } from './types.ts';
import { ancestors } from './view.ts';

const MAX_GENERALISATIE_DEPTH = 50;

/** Where the resolver found each element, for the positions of the findings. */
export interface Bronnen {
  rawOf: ReadonlyMap<ModelElement, { raw: Raw; location: YamlLocation }>;
  attribuutLocation: ReadonlyMap<Attribuutsoort, YamlLocation>;
}

/** Names that must be unique in one object: its own, and its own against what it inherits. */
export function checkNameScopes(model: Informatiemodel, bronnen: Bronnen, findings: Findings): void {
  for (const o of model.objecttypen) checkObjecttypeScope(o, bronnen, findings);
  for (const g of model.gegevensgroeptypen)
    checkScope(`gegevensgroeptype ${g.naam}`, eigenschapNamen(g, bronnen), findings);
}

export function checkGeneralisaties(model: Informatiemodel, bronnen: Bronnen, findings: Findings): void {
  const state = new Map<Objecttype, 'bezig' | 'klaar'>();
  const reported = new Set<Objecttype>();
  let tooDeep = false;
  // Depth first without recursion: a chain of thousands of supertypen must not overflow the stack.
  for (const start of model.objecttypen) {
    if (state.has(start)) continue;
    const stack: Objecttype[] = [start];
    const next: number[] = [0];
    state.set(start, 'bezig');
    while (stack.length > 0) {
      const o = stack[stack.length - 1]!;
      const i = next[next.length - 1]!;
      if (i >= o.supertypen.length) {
        state.set(o, 'klaar');
        stack.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const s = o.supertypen[i]!;
      if (state.get(s) === 'klaar') continue;
      if (state.get(s) === 'bezig') {
        const cycle = stack.slice(stack.indexOf(s));
        if (cycle.some((c) => reported.has(c))) continue;
        cycle.forEach((c) => reported.add(c));
        const location = bronnen.rawOf.get(s)!.location;
        findings.error(
          location.file.position([...location.path, 'supertypen']),
          'generalisatie-cycle',
          `the generalisaties form a cycle: ${[...cycle, s].map((c) => c.naam).join(' → ')}; remove one supertype`,
        );
        continue;
      }
      if (stack.length >= MAX_GENERALISATIE_DEPTH) {
        // Cut the chain here so that every later walk up the hierarchy stays short; say so once.
        if (!tooDeep) {
          const location = bronnen.rawOf.get(o)!.location;
          findings.error(
            location.file.position([...location.path, 'supertypen']),
            'generalisatie-too-deep',
            `the chain of supertypen from ${stack[0]!.naam} up to ${o.naam} is ${MAX_GENERALISATIE_DEPTH} objecttypen long and goes on; a model does not need that many levels`,
          );
        }
        tooDeep = true;
        o.supertypen = [];
        continue;
      }
      state.set(s, 'bezig');
      stack.push(s);
      next.push(0);
    }
  }
  // A cycle would make every walk up the hierarchy endless; cut it so the rest of the checks can run.
  for (const o of reported) o.supertypen = [];
}

/**
 * Names that become properties of one object: attribuutsoorten, gegevensgroepen and relatiesoorten by their rol,
 * or by their naam when they have no rol (as the schemas and types name them).
 */
function eigenschapNamen(
  element: Objecttype | Gegevensgroeptype,
  bronnen: Bronnen,
): { naam: string; bron: Position; relatie: boolean }[] {
  const { raw, location } = bronnen.rawOf.get(element)!;
  const named = (key: string, ...fields: string[]) =>
    items(raw[key]).flatMap(({ raw: r, index }) => {
      const field = fields.find((f) => typeof r[f] === 'string');
      return field
        ? [
            {
              naam: r[field] as string,
              bron: location.file.position([...location.path, key, index, field]),
              relatie: key === 'relatiesoorten',
            },
          ]
        : [];
    });
  return [
    ...named('attribuutsoorten', 'naam'),
    ...named('gegevensgroepen', 'naam'),
    ...named('relatiesoorten', 'rol', 'naam'),
  ];
}

/** What to do about a name that repeats: a relatiesoort without a rol can get one (issue 15, item 5). */
function wat(n: { relatie: boolean }): string {
  return n.relatie
    ? 'give the relatiesoort a rol of its own (the name its objecttype knows it by), or remove one'
    : 'remove one';
}

function checkObjecttypeScope(o: Objecttype, bronnen: Bronnen, findings: Findings): void {
  const own = eigenschapNamen(o, bronnen);
  checkScope(`objecttype ${o.naam}`, own, findings);
  const inherited = ancestors(o).flatMap((s) => eigenschapNamen(s, bronnen).map((n) => ({ ...n, van: s })));
  for (const a of own) {
    const clash = inherited.find((i) => i.naam.toLowerCase() === a.naam.toLowerCase());
    if (clash) {
      findings.error(
        a.bron,
        'duplicate-name',
        `"${a.naam}" of ${o.naam} repeats "${clash.naam}" that ${o.naam} inherits from ${clash.van.naam}; ${wat(a)}`,
      );
    }
  }
  // Two supertypen (or theirs) that each have a property of one name: the objecttype would have it twice.
  if (o.supertypen.length < 2) return;
  const { location } = bronnen.rawOf.get(o)!;
  const gezien = new Map<string, (typeof inherited)[number]>();
  for (const i of inherited) {
    const key = i.naam.toLowerCase();
    const earlier = gezien.get(key);
    if (!earlier) gezien.set(key, i);
    else if (
      earlier.van !== i.van &&
      !ancestors(earlier.van).includes(i.van) &&
      !ancestors(i.van).includes(earlier.van)
    )
      findings.error(
        location.file.position([...location.path, 'supertypen']),
        'duplicate-name',
        `${o.naam} inherits "${i.naam}" from both ${earlier.van.naam} (line ${earlier.bron.line}) and ${i.van.naam} (line ${i.bron.line}); ${wat(i)}`,
      );
  }
}

export function checkScope(
  scope: string,
  named: { naam: string; bron: Position; relatie?: boolean }[],
  findings: Findings,
): void {
  const seen = new Map<string, { naam: string; bron: Position }>();
  for (const n of named) {
    const earlier = seen.get(n.naam.toLowerCase());
    if (earlier) {
      findings.error(
        n.bron,
        'duplicate-name',
        `"${n.naam}" appears twice in ${scope} (first at line ${earlier.bron.line})${caseNote(n.naam, earlier.naam)}; ${n.relatie ? 'give the relatiesoort a rol of its own (the name its objecttype knows it by), or keep one' : 'keep one'}`,
      );
    } else {
      seen.set(n.naam.toLowerCase(), n);
    }
  }
}

/** The published Geslachtsaanduiding was a plain string while the enumeratie geslacht existed. */
export function checkEnumTypedAsText(model: Informatiemodel, bronnen: Bronnen, findings: Findings): void {
  const enums = model.enumeraties
    .map((e) => ({ e, key: e.naam.toLowerCase().replace(/^enum/, '') }))
    .filter((x) => x.key.length >= 4);
  const attributes = [...model.objecttypen, ...model.gegevensgroeptypen].flatMap((o) => o.attribuutsoorten);
  for (const a of attributes) {
    const d = a.type.datatype;
    if (d.soort !== 'primitiefDatatype' || d.basis !== 'tekst' || d.formaat) continue;
    const naam = a.naam.toLowerCase();
    const match = enums.find(({ key }) => naam === key || naam.startsWith(key));
    if (match) {
      findings.warning(
        bronnen.attribuutLocation.get(a)?.file.position([...bronnen.attribuutLocation.get(a)!.path, 'type']) ?? a.bron,
        'enum-typed-as-text',
        `attribuutsoort "${a.naam}" is typed ${a.type.naam} while the enumeratie "${match.e.naam}" exists; type it with the enumeratie if its values are meant`,
      );
    }
  }
}
