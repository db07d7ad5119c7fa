/**
 * The keywords that constrain a value at its own place (type, enum and const, bounds, pattern and format)
 * and the annotations. None of them looks at a schema below, so each is compared without recursion.
 */
import { schemaChange, type SchemaChange } from './schema-change.ts';
import { ANNOTATIES, canonicalJson, shownJson, typen, waardeTekst, type Opgelost } from './schema-document.ts';
import type { Json, JsonObject } from './types.ts';

export const ONDERGRENZEN: Record<string, { soort: string; standaard: number }> = {
  minimum: { soort: 'range-changed', standaard: -Infinity },
  exclusiveMinimum: { soort: 'range-changed', standaard: -Infinity },
  minLength: { soort: 'length-changed', standaard: 0 },
  minItems: { soort: 'array-bounds-changed', standaard: 0 },
  minProperties: { soort: 'property-count-changed', standaard: 0 },
};
export const BOVENGRENZEN: Record<string, { soort: string; standaard: number }> = {
  maximum: { soort: 'range-changed', standaard: Infinity },
  exclusiveMaximum: { soort: 'range-changed', standaard: Infinity },
  maxLength: { soort: 'length-changed', standaard: Infinity },
  maxItems: { soort: 'array-bounds-changed', standaard: Infinity },
  maxProperties: { soort: 'property-count-changed', standaard: Infinity },
};

const ALLE_TYPEN = ['array', 'boolean', 'null', 'number', 'object', 'string'];

function kort(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function gedekt(set: string[] | undefined, t: string): boolean {
  return set === undefined || set.includes(t) || (t === 'integer' && set.includes('number'));
}

function getal(v: Json | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function compareAnnotations(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
  if (a.description !== b.description && (typeof a.description === 'string' || typeof b.description === 'string')) {
    const wat =
      typeof a.description !== 'string'
        ? `omschrijving toegevoegd: "${kort(String(b.description))}"`
        : typeof b.description !== 'string'
          ? `omschrijving verwijderd (was "${kort(a.description)}")`
          : `omschrijving gewijzigd: "${kort(a.description)}" → "${kort(b.description)}"`;
    out.push(schemaChange('description-changed', op, np, false, false, wat));
  }
  if (a.title !== b.title && (typeof a.title === 'string' || typeof b.title === 'string')) {
    out.push(
      schemaChange('title-changed', op, np, false, false, `titel ${shownJson(a.title)} → ${shownJson(b.title)}`),
    );
  }
  const overig = [...ANNOTATIES]
    .filter((k) => k !== 'description' && k !== 'title')
    .filter(
      (k) =>
        (a[k] === undefined ? undefined : canonicalJson(a[k]!)) !==
        (b[k] === undefined ? undefined : canonicalJson(b[k]!)),
    );
  if (overig.length > 0)
    out.push(schemaChange('annotation-changed', op, np, false, false, `annotatie gewijzigd: ${overig.join(', ')}`));
}

export function compareTypes(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[]): void {
  const ta = typen(o.s as JsonObject);
  const tb = typen(n.s as JsonObject);
  const verloren = (ta ?? ALLE_TYPEN).filter((t) => !gedekt(tb, t));
  const gewonnen = (tb ?? ALLE_TYPEN).filter((t) => !gedekt(ta, t));
  if (verloren.length === 0 && gewonnen.length === 0) return;
  out.push(
    schemaChange(
      'type-changed',
      op,
      np,
      verloren.length > 0,
      gewonnen.length > 0,
      `type ${typeTekst(o, ta)} → ${typeTekst(n, tb)}`,
    ),
  );
}

function typeTekst(o: Opgelost, t: string[] | undefined): string {
  const basis = t === undefined ? 'elk type' : t.join(' of ');
  return o.defNaam ? `${o.defNaam} (${basis})` : basis;
}

export function compareEnums(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[]): void {
  const a = o.s as JsonObject;
  const b = n.s as JsonObject;
  const ea = Array.isArray(a.enum) ? a.enum : undefined;
  const eb = Array.isArray(b.enum) ? b.enum : undefined;
  const naam = n.defNaam ?? o.defNaam;
  const waar = naam ? ` (${naam})` : '';
  if (ea && eb) {
    const ka = new Set(ea.map(canonicalJson));
    const kb = new Set(eb.map(canonicalJson));
    for (const v of ea) {
      if (!kb.has(canonicalJson(v)))
        out.push(
          schemaChange(
            'enum-value-removed',
            op,
            np,
            true,
            false,
            `waarde "${waardeTekst(v)}" vervallen${waar}`,
            waardeTekst(v),
          ),
        );
    }
    for (const v of eb) {
      if (!ka.has(canonicalJson(v)))
        out.push(
          schemaChange(
            'enum-value-added',
            op,
            np,
            false,
            true,
            `waarde "${waardeTekst(v)}" toegevoegd${waar}`,
            waardeTekst(v),
          ),
        );
    }
  } else if (eb) {
    out.push(
      schemaChange(
        'enum-added',
        op,
        np,
        true,
        false,
        `alleen nog de waarden ${eb.map((v) => `"${waardeTekst(v)}"`).join(', ')} toegestaan${waar}`,
      ),
    );
  } else if (ea) {
    out.push(
      schemaChange(
        'enum-removed',
        op,
        np,
        false,
        true,
        `waardenlijst vervallen (was ${ea.map((v) => `"${waardeTekst(v)}"`).join(', ')})`,
      ),
    );
  }
  const ca = Object.hasOwn(a, 'const');
  const cb = Object.hasOwn(b, 'const');
  if (ca && cb && canonicalJson(a.const!) !== canonicalJson(b.const!)) {
    out.push(
      schemaChange(
        'const-changed',
        op,
        np,
        true,
        true,
        `vaste waarde ${canonicalJson(a.const!)} → ${canonicalJson(b.const!)}`,
      ),
    );
  } else if (cb && !ca) {
    out.push(
      schemaChange(
        'const-changed',
        op,
        np,
        true,
        false,
        `alleen nog de vaste waarde ${canonicalJson(b.const!)} toegestaan`,
      ),
    );
  } else if (ca && !cb) {
    out.push(schemaChange('const-changed', op, np, false, true, `vaste waarde ${canonicalJson(a.const!)} vervallen`));
  }
}

export function compareBounds(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
  const grens = (k: string, standaard: number, onder: boolean, soort: string): void => {
    if (a[k] === undefined && b[k] === undefined) return;
    const x = a[k] === undefined ? standaard : getal(a[k]);
    const y = b[k] === undefined ? standaard : getal(b[k]);
    const wat = `${k} ${a[k] === undefined ? 'geen' : canonicalJson(a[k]!)} → ${b[k] === undefined ? 'geen' : canonicalJson(b[k]!)}`;
    if (x === undefined || y === undefined) {
      if (canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null))
        out.push(schemaChange(soort, op, np, true, true, wat));
      return;
    }
    if (x === y) return;
    const nauwer = onder ? y > x : y < x;
    out.push(schemaChange(soort, op, np, nauwer, !nauwer, wat));
  };
  for (const [k, { soort, standaard }] of Object.entries(ONDERGRENZEN)) grens(k, standaard, true, soort);
  for (const [k, { soort, standaard }] of Object.entries(BOVENGRENZEN)) grens(k, standaard, false, soort);
  if (a.multipleOf !== undefined || b.multipleOf !== undefined) {
    const x = getal(a.multipleOf);
    const y = getal(b.multipleOf);
    const wat = `multipleOf ${a.multipleOf === undefined ? 'geen' : canonicalJson(a.multipleOf)} → ${b.multipleOf === undefined ? 'geen' : canonicalJson(b.multipleOf)}`;
    if (x !== undefined && y !== undefined) {
      if (x === y) return;
      // Every multiple of x is a multiple of y when x is a whole multiple of y: only wider then.
      const ruimer = Number.isInteger(x / y);
      const nauwer = Number.isInteger(y / x);
      out.push(schemaChange('multiple-of-changed', op, np, !ruimer, !nauwer, wat));
    } else if (a.multipleOf === undefined) out.push(schemaChange('multiple-of-changed', op, np, true, false, wat));
    else if (b.multipleOf === undefined) out.push(schemaChange('multiple-of-changed', op, np, false, true, wat));
    else if (canonicalJson(a.multipleOf) !== canonicalJson(b.multipleOf))
      out.push(schemaChange('multiple-of-changed', op, np, true, true, wat));
  }
  if ((a.uniqueItems === true) !== (b.uniqueItems === true)) {
    const nu = b.uniqueItems === true;
    out.push(
      schemaChange(
        'unique-items-changed',
        op,
        np,
        nu,
        !nu,
        nu ? 'de elementen moeten nu uniek zijn' : 'de elementen hoeven niet meer uniek te zijn',
      ),
    );
  }
}

export function compareStringFormats(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
  for (const [k, soort, naam] of [
    ['pattern', 'pattern-changed', 'patroon'],
    ['format', 'format-changed', 'formaat'],
  ] as const) {
    if (canonicalJson(a[k] ?? null) === canonicalJson(b[k] ?? null)) continue;
    const wat = `${naam} ${a[k] === undefined ? 'geen' : canonicalJson(a[k]!)} → ${b[k] === undefined ? 'geen' : canonicalJson(b[k]!)}`;
    // A format is taken as an assertion: the DDAS validators check formats (ajv-formats).
    out.push(schemaChange(soort, op, np, b[k] !== undefined, a[k] !== undefined, wat));
  }
}
