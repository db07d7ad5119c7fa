/**
 * The schema-level diff: two JSON Schemas (2020-12) compared keyword by keyword, following `$ref`, each
 * change classified by whom it breaks.
 *
 * Soundness rests on one fact: apart from the keywords that look at each other (properties /
 * patternProperties / additionalProperties, prefixItems / items, the unevaluated* keywords, if/then/else,
 * the combinators), a schema accepts a document when every keyword accepts it. So if every keyword of the
 * new schema accepts at least what the same keyword of the old one does, the new schema accepts at least
 * what the old one does; and a keyword that is missing accepts everything. The interacting keywords are
 * compared as a group (a property's value is governed by `properties[name]`, else by
 * `additionalProperties`), and whatever the diff does not compare precisely is marked as breaking both
 * ways. A change can thus be marked breaking when it is not (an over-approximation), never the reverse.
 */
import { nietVergeleken, schemaChange, type Comparison, type SchemaChange } from './schema-change.ts';
import { ANNOTATIES, beschrijf, canon, Document, shownJson, STRUCTUUR, type Opgelost } from './schema-document.ts';
import { compareProperties } from './schema-properties.ts';
import {
  BOVENGRENZEN,
  compareAnnotations,
  compareBounds,
  compareEnums,
  compareStringFormats,
  compareTypes,
  ONDERGRENZEN,
} from './schema-values.ts';
import { isObject, type Json, type JsonObject } from './types.ts';

/** Keywords compared precisely (here, in schema-values.ts and schema-properties.ts); any other keyword that differs is marked as breaking both ways. */
const VERGELEKEN = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'multipleOf',
  'pattern',
  'format',
  'uniqueItems',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'items',
  'allOf',
  'anyOf',
  ...Object.keys(ONDERGRENZEN),
  ...Object.keys(BOVENGRENZEN),
]);

const MAX_DIEPTE = 100;

export interface SchemaDiffOptions {
  /** Also report the `$id` of the two schemas when it differs (a model compared with a published schema: yes). */
  schemaId?: boolean;
}

/** Every change between two JSON Schemas, in message order. */
export function diffSchemas(oud: Json, nieuw: Json, options: SchemaDiffOptions = {}): SchemaChange[] {
  return new SchemaDiff(new Document(oud), new Document(nieuw)).run(options);
}

class SchemaDiff implements Comparison {
  private readonly ids = new WeakMap<object, number>();
  private volgnummer = 0;
  private readonly bezig = new Set<string>();

  constructor(
    readonly oud: Document,
    readonly nieuw: Document,
  ) {}

  run(options: SchemaDiffOptions): SchemaChange[] {
    const out: SchemaChange[] = [];
    const a = this.oud.root;
    const b = this.nieuw.root;
    if (isObject(a) && isObject(b)) {
      if (a.$schema !== b.$schema) {
        out.push(
          schemaChange(
            'dialect-changed',
            '',
            '',
            true,
            true,
            `JSON Schema-dialect ${shownJson(a.$schema)} → ${shownJson(b.$schema)}; als brekend gemarkeerd`,
          ),
        );
      }
      if ((options.schemaId ?? true) && a.$id !== b.$id) {
        out.push(
          schemaChange(
            'schema-id-changed',
            '',
            '',
            false,
            false,
            `$id van het schema ${shownJson(a.$id)} → ${shownJson(b.$id)}`,
          ),
        );
      }
    }
    this.compare(a, b, '', '', out, 0);
    return out;
  }

  private id(v: Json | undefined): string {
    if (v === undefined || v === true) return 't';
    if (typeof v !== 'object' || v === null) return String(v);
    let n = this.ids.get(v);
    if (n === undefined) {
      n = ++this.volgnummer;
      this.ids.set(v, n);
    }
    return String(n);
  }

  /** Compares the schemas at one place of the message; pushes what changed there and below. */
  compare(a: Json | undefined, b: Json | undefined, op: string, np: string, out: SchemaChange[], diepte: number): void {
    // A pair of schema places already being compared further up is a recursive schema: documents are
    // finite, so assuming the pair is compatible there is sound (induction on the depth of the document).
    const key = `${this.id(a)}|${this.id(b)}`;
    if (this.bezig.has(key)) return;
    if (diepte > MAX_DIEPTE) {
      out.push(
        schemaChange(
          'too-deep',
          op,
          np,
          true,
          true,
          `het schema is hier dieper dan ${MAX_DIEPTE} niveaus; niet vergeleken en als brekend gemarkeerd`,
        ),
      );
      return;
    }
    this.bezig.add(key);
    try {
      this.vergelijk(this.oud.resolve(a), this.nieuw.resolve(b), op, np, out, diepte);
    } finally {
      this.bezig.delete(key);
    }
  }

  /** The flags of what `compare` would report, without reporting it. */
  vlaggen(
    a: Json | undefined,
    b: Json | undefined,
    op: string,
    np: string,
    diepte: number,
  ): { s: boolean; r: boolean } {
    const sub: SchemaChange[] = [];
    this.compare(a, b, op, np, sub, diepte);
    return { s: sub.some((c) => c.breaksSenders), r: sub.some((c) => c.breaksReceivers) };
  }

  private vergelijk(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (o.s === false || n.s === false) {
      if (o.s === false && n.s === false) return;
      if (o.s === false)
        out.push(
          schemaChange('schema-widened', op, np, false, !onvervulbaar(n), `stond niets toe, nu ${beschrijf(n)}`),
        );
      else
        out.push(
          schemaChange(
            'schema-narrowed',
            op,
            np,
            !onvervulbaar(o),
            false,
            `stond ${beschrijf(o)} toe, nu niets (false)`,
          ),
        );
      return;
    }
    const a = o.s;
    const b = n.s;
    compareAnnotations(a, b, op, np, out);
    compareTypes(o, n, op, np, out);
    compareEnums(o, n, op, np, out);
    compareBounds(a, b, op, np, out);
    compareStringFormats(a, b, op, np, out);
    compareProperties(this, a, b, op, np, out, diepte);
    this.lijst(a, b, op, np, out, diepte);
    this.combinaties(a, b, op, np, out, diepte);
    const onbekend = new Set(
      [...Object.keys(a), ...Object.keys(b)].filter(
        (k) => !VERGELEKEN.has(k) && !ANNOTATIES.has(k) && !STRUCTUUR.has(k),
      ),
    );
    for (const k of [...onbekend].sort()) {
      const x = a[k];
      const y = b[k];
      if (canon(this.oud, x) === canon(this.nieuw, y)) continue;
      const wat = x === undefined ? 'toegevoegd' : y === undefined ? 'verwijderd' : 'gewijzigd';
      const naam = k === '$geenSchema' ? 'een waarde die geen schema is' : k;
      out.push(nietVergeleken('keyword-changed', op, np, `${naam} ${wat}`));
    }
    if (a.$ref !== b.$ref && (typeof a.$ref === 'string' || typeof b.$ref === 'string')) {
      out.push(
        schemaChange(
          'ref-changed',
          op,
          np,
          true,
          true,
          `verwijzing naar een ander document ${shownJson(a.$ref)} → ${shownJson(b.$ref)}; niet te volgen en daarom als brekend gemarkeerd`,
        ),
      );
    }
  }

  private lijst(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (a.items === undefined && b.items === undefined) return;
    const ongezien = a.unevaluatedItems !== undefined || b.unevaluatedItems !== undefined;
    if (Array.isArray(a.items) || Array.isArray(b.items) || ongezien) {
      // Items as a list (draft-07 tuples), or items that unevaluatedItems looks at: compared as a whole.
      if (canon(this.oud, a.items) !== canon(this.nieuw, b.items)) {
        out.push(nietVergeleken('keyword-changed', `${op}/*`, `${np}/*`, 'items gewijzigd'));
      }
      return;
    }
    if (a.items !== undefined && b.items !== undefined) {
      this.compare(a.items, b.items, `${op}/*`, `${np}/*`, out, diepte + 1);
      return;
    }
    const f = this.vlaggen(a.items ?? true, b.items ?? true, `${op}/*`, `${np}/*`, diepte + 1);
    out.push(
      schemaChange(
        'items-changed',
        `${op}/*`,
        `${np}/*`,
        f.s,
        f.r,
        b.items === undefined
          ? 'de eisen aan de elementen van de lijst zijn vervallen'
          : `de elementen van de lijst moeten nu ${beschrijf(this.nieuw.resolve(b.items))} zijn`,
      ),
    );
  }

  private combinaties(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (a.allOf !== undefined || b.allOf !== undefined) {
      if (Array.isArray(a.allOf) && Array.isArray(b.allOf) && a.allOf.length === b.allOf.length) {
        a.allOf.forEach((x, i) => this.compare(x, (b.allOf as Json[])[i], op, np, out, diepte + 1));
      } else if (canon(this.oud, a.allOf) !== canon(this.nieuw, b.allOf)) {
        out.push(nietVergeleken('keyword-changed', op, np, 'allOf gewijzigd'));
      }
    }
    if (a.anyOf !== undefined || b.anyOf !== undefined) {
      const xa = Array.isArray(a.anyOf) ? new Set(a.anyOf.map((x) => canon(this.oud, x))) : undefined;
      const xb = Array.isArray(b.anyOf) ? new Set(b.anyOf.map((x) => canon(this.nieuw, x))) : undefined;
      if (xa && xb) {
        const verloren = [...xa].some((x) => !xb.has(x));
        const gewonnen = [...xb].some((x) => !xa.has(x));
        if (verloren || gewonnen)
          out.push(
            schemaChange(
              'any-of-changed',
              op,
              np,
              verloren,
              gewonnen,
              `anyOf: ${gewonnen ? 'alternatieven toegevoegd' : ''}${gewonnen && verloren ? ', ' : ''}${verloren ? 'alternatieven vervallen of gewijzigd' : ''}`,
            ),
          );
      } else if (canon(this.oud, a.anyOf) !== canon(this.nieuw, b.anyOf)) {
        out.push(
          schemaChange(
            'any-of-changed',
            op,
            np,
            xb !== undefined || !xa,
            xa !== undefined || !xb,
            xb ? 'anyOf toegevoegd' : 'anyOf vervallen',
          ),
        );
      }
    }
  }
}

/** A schema false or `{ not: {} }`: nothing satisfies it. Anything else is taken as satisfiable. */
function onvervulbaar(o: Opgelost): boolean {
  if (o.s === false) return true;
  return isObject(o.s.not) && Object.keys(o.s.not).length === 0;
}
