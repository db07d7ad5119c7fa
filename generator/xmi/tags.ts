/**
 * EA's notes and tagged values to the MIM metadata of the model format, and UML multiplicities to
 * kardinaliteiten. A value the metadata cannot hold is left out with a warning rather than guessed at; tags
 * the format has no key for are counted, so that one warning can list everything that was left out.
 */
import { normaliseTag, type Tag } from './ea.ts';
import { cmp, nonEmpty, type ConvertContext, type Data } from './context.ts';
import { htmlToMarkdown } from './html.ts';
import { kid, type XNode } from './xml.ts';

const AUTHENTIEK = [
  'Authentiek',
  'Basisgegeven',
  'Wettelijk gegeven',
  'Landelijk kerngegeven',
  'Gemeentelijk kerngegeven',
  'Overig',
];

const KNOWN_TAGS = new Set([
  'definitie',
  'toelichting',
  'herkomst',
  'herkomst definitie',
  'datum opname',
  'authentiek',
  'mogelijk geen waarde',
  'indicatie materiele historie',
  'indicatie formele historie',
  'lengte',
  'patroon',
  'formeel patroon',
  'identificerend',
  'indicatie abstract object',
  'locatie',
  'code',
  'versie',
  'mim versie',
  'basis uri',
]);

/** The metadata every element has, and its tags by normalised name for the keys only some elements have. */
export function metadata(cx: ConvertContext, eaId: string, what: string): { data: Data; tags: Map<string, Tag> } {
  const tags = new Map<string, Tag>();
  for (const t of cx.ea.tags(eaId)) tags.set(normaliseTag(t.naam), t);
  const text = (key: string) => {
    const t = tags.get(key);
    return t ? htmlToMarkdown(t.value) : undefined;
  };
  const definitie = htmlToMarkdown(cx.ea.documentation(eaId)) ?? text('definitie');
  const data: Data = {
    alias: nonEmpty(kid(cx.ea.extElement(eaId), 'properties')?.attrs.alias),
    definitie,
    toelichting: text('toelichting'),
    herkomst: text('herkomst'),
    herkomstDefinitie: text('herkomst definitie'),
    datumOpname: datum(cx, tags.get('datum opname'), what),
  };
  for (const key of tags.keys())
    if (!KNOWN_TAGS.has(key))
      cx.ignoredTags.set(tags.get(key)!.naam, (cx.ignoredTags.get(tags.get(key)!.naam) ?? 0) + 1);
  return { data, tags };
}

/**
 * The descriptive metadata of an attribuutsoort, gegevensgroep or relatiesoort, in the key order the YAML is
 * written in (so that a spread of it keeps the files as they were).
 */
export function beschrijving(meta: Data): Data {
  return {
    definitie: meta.definitie,
    toelichting: meta.toelichting,
    herkomst: meta.herkomst,
    herkomstDefinitie: meta.herkomstDefinitie,
    datumOpname: meta.datumOpname,
  };
}

/** The two indicaties of history; read in this order, so that their warnings are too. */
export function historie(cx: ConvertContext, tags: Map<string, Tag>, what: string): Data {
  return {
    indicatieMaterieleHistorie: bool(cx, tags.get('indicatie materiele historie'), what),
    indicatieFormeleHistorie: bool(cx, tags.get('indicatie formele historie'), what),
  };
}

export function reportIgnoredTags(cx: ConvertContext, pkg: XNode): void {
  if (cx.ignoredTags.size > 0) {
    const list = [...cx.ignoredTags].sort(([a], [b]) => cmp(a, b)).map(([t, n]) => `${t} (${n}x)`);
    cx.findings.warning(
      cx.ea.at(pkg),
      'ignored-tag',
      `tagged values that MIM's model format has no key for were left out: ${list.join(', ')}`,
    );
  }
}

export function extBounds(cx: ConvertContext, eaId: string): { lower?: string; upper?: string } {
  const b = kid(cx.ea.extAttribute(eaId), 'bounds');
  return { lower: b?.attrs.lower, upper: b?.attrs.upper };
}

/**
 * MIM kardinaliteit from UML lower/upper values, with what the extension says as fallback. A multiplicity
 * that is no kardinaliteit is imported as it stands (lower..upper), with a finding here, so that lint goes
 * on reporting it in the model until it is set: 0..0, which EA writes for an end left unset, with a warning;
 * anything else with an error.
 */
export function multiplicity(
  cx: ConvertContext,
  node: XNode,
  what: string,
  fallback: { lower?: string; upper?: string; multiplicity?: string },
): string {
  const lowerNode = kid(node, 'lowerValue');
  const upperNode = kid(node, 'upperValue');
  let lower = lowerNode?.attrs.value;
  let upper = upperNode?.attrs.value;
  let at = upperNode ?? lowerNode ?? node;
  if (fallback.multiplicity && lower === undefined && upper === undefined) {
    const m = /^\s*([^.]+?)\s*(?:\.\.\s*(.+?))?\s*$/.exec(fallback.multiplicity);
    if (m) {
      lower = m[1];
      upper = m[2] ?? m[1];
      if (lower === '*') lower = '0';
    }
  }
  // UML: a LiteralInteger or LiteralUnlimitedNatural without a value is 0.
  lower ??= fallback.lower ?? (lowerNode ? '0' : '1');
  upper ??= fallback.upper ?? (upperNode ? '0' : '1');
  if (lowerNode?.attrs.value === undefined && upperNode?.attrs.value !== undefined) at = upperNode!;
  const lo = lower.trim();
  const up = upper.trim();
  if (lo === '0' && up === '0') {
    cx.findings.warning(
      cx.ea.at(at),
      'unset-multiplicity',
      `${what} has the multiplicity 0..0, which is what EA writes for an end left unset; imported as 0..0, which lint reports until the kardinaliteit is set`,
    );
    return '0..0';
  }
  const valid =
    /^\d+$/.test(lo) && (/^\d+$/.test(up) ? Number(up) >= Number(lo) && Number(up) > 0 : up === '*' || up === '-1');
  if (!valid) {
    if (!/^\d+$/.test(lo) && lowerNode) at = lowerNode;
    cx.findings.error(
      cx.ea.at(at),
      'invalid-multiplicity',
      `${what} has the multiplicity lower "${lower}" upper "${upper}", which is not valid; write n..m with 0 <= n <= m, m > 0 or *. Imported as it stands, so that lint reports it until it is set`,
    );
    return `${lo || '?'}..${up || '?'}`;
  }
  const max = up === '*' || up === '-1' ? '*' : String(Number(up));
  const min = String(Number(lo));
  return min === max ? min : `${min}..${max}`;
}

export function bool(cx: ConvertContext, tag: Tag | undefined, what: string): boolean | undefined {
  if (!tag) return undefined;
  const v = tag.value.trim().toLowerCase();
  if (['ja', 'j', 'true', 'yes', 'y', '1'].includes(v)) return true;
  if (['nee', 'n', 'false', 'no', '0'].includes(v)) return undefined;
  if (v === 'zie groep') return undefined;
  cx.findings.warning(
    cx.ea.at(tag.node),
    'invalid-tag',
    `tag "${tag.naam}" of ${what} is "${tag.value}"; expected Ja or Nee, so it is left out`,
  );
  return undefined;
}

export function authentiek(cx: ConvertContext, tag: Tag | undefined, what: string): string | undefined {
  if (!tag) return undefined;
  const v = AUTHENTIEK.find((a) => a.toLowerCase() === tag.value.trim().toLowerCase());
  if (!v)
    cx.findings.warning(
      cx.ea.at(tag.node),
      'invalid-tag',
      `tag "${tag.naam}" of ${what} is "${tag.value}", which MIM does not know (${AUTHENTIEK.join(', ')}); it is left out`,
    );
  return v;
}

export function lengte(cx: ConvertContext, tag: Tag | undefined, what: string): number | undefined {
  if (!tag) return undefined;
  const v = tag.value.trim();
  if (/^\d+$/.test(v) && Number(v) > 0) return Number(v);
  cx.findings.warning(
    cx.ea.at(tag.node),
    'invalid-tag',
    `tag "${tag.naam}" of ${what} is "${v}", not a positive whole number; it is left out`,
  );
  return undefined;
}

function datum(cx: ConvertContext, tag: Tag | undefined, what: string): string | undefined {
  if (!tag) return undefined;
  const v = tag.value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(v);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$/.exec(v);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  cx.findings.warning(
    cx.ea.at(tag.node),
    'invalid-tag',
    `tag "${tag.naam}" of ${what} is "${v}", not a date (JJJJ-MM-DD or DD-MM-JJJJ); it is left out`,
  );
  return undefined;
}
