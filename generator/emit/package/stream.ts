/**
 * What the streaming validator of a package needs from the model: which lists hold the records, the units
 * the message falls apart into (the envelope, each Levering, each record), and a precompiled validator for
 * each unit. The engine that uses them is the same for every model (@mimgen/runtime).
 */
import { unescapeSegment } from '../../common/json-pointer.ts';
import { berichtView, type ObjectInBericht } from '../../derive/bericht.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';

type Schema = Record<string, unknown>;

/** A list whose items are streamed, by its path (property names) from the value of the unit it lies in. */
export interface LijstPlan {
  pad: string[];
  /** The unit of each item. */
  eenheid: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/**
 * A part of the message that is parsed and validated as one value: the message without its streamed lists,
 * each item of a streamed list that holds streamed lists itself (a Levering), or a record (a Vroegsignaal).
 */
export interface EenheidPlan {
  /** Place in the message, `*` for a list item. */
  pad: string[];
  /** What it is in the model (Uitwisselmodel, Levering, Vroegsignaal). */
  naam: string;
  /** Name of its validator in stream-validators.js. */
  validator: string;
  /** The enclosing unit; -1 for the message. */
  ouder: number;
  /** No streamed lists inside: its bytes are found by the fast scanner and parsed whole. */
  record: boolean;
  lijsten: LijstPlan[];
  /** An enclosing streamed list must have unique items, so each item gets a fingerprint. */
  vingerafdruk: boolean;
}

export interface StreamPlan {
  eenheden: EenheidPlan[];
}

/**
 * The record lists: lists of objects of an objecttype (not references) held directly by an envelope object,
 * an object the derivation added (the message, a Levering) that is the message itself or a list item.
 */
export function recordLijsten(um: Uitwisselmodel): string[][] {
  const isRecord = (p: ObjectInBericht): boolean => {
    const houder = p.via?.in;
    if (!houder || !p.via!.veld.lijst || !p.object.objecttype || p.object.referentie) return false;
    return (houder.niveau === 1 || Boolean(houder.via?.veld.lijst)) && isEnvelop(houder);
  };
  return berichtView(um)
    .objecten.filter(isRecord)
    .map((p) => p.pad.slice(0, -1));
}

/** An object the derivation added, with only such objects above it: records lie nowhere else. */
function isEnvelop(p: ObjectInBericht | undefined): boolean {
  for (; p; p = p.via?.in) if (p.object.objecttype) return false;
  return true;
}

const PAD_OBJECT = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'description',
  'title',
  '$comment',
  'minProperties',
  'maxProperties',
  '$schema',
  '$id',
  '$defs',
]);
const PAD_LIJST = new Set(['type', 'items', 'minItems', 'maxItems', 'uniqueItems', 'description', 'title', '$comment']);

function isSchema(x: unknown): x is Schema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The schema a `$ref` into `$defs` stands for; other schemas as they are. */
function resolve(root: Schema, s: unknown): Schema | undefined {
  if (!isSchema(s)) return undefined;
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  if (!m || Object.keys(s).some((k) => k !== '$ref' && k !== 'description' && k !== 'title' && k !== '$comment'))
    return undefined;
  return resolve(root, (root.$defs as Schema | undefined)?.[unescapeSegment(m[1]!)]);
}

function allowed(s: Schema, keys: Set<string>): boolean {
  return Object.keys(s).every((k) => keys.has(k));
}

function hasType(s: Schema, type: string): boolean {
  return s.type === type || (Array.isArray(s.type) && s.type.includes(type));
}

/** The schema at a path of property names and `*`, when every step on the way can be split off. */
function schemaOp(root: Schema, pad: readonly string[]): Schema | undefined {
  let s: Schema | undefined = root;
  for (const seg of pad) {
    if (!s) return undefined;
    if (seg === '*') {
      if (!allowed(s, PAD_LIJST) || !hasType(s, 'array')) return undefined;
      s = resolve(root, s.items);
    } else {
      if (!allowed(s, PAD_OBJECT) || !hasType(s, 'object') || !isSchema(s.properties)) return undefined;
      s = resolve(root, s.properties[seg]);
    }
  }
  return s;
}

/** What the object at a place is in the model: its objecttype, or the object the derivation added. */
function naamOp(p: ObjectInBericht | undefined, anders: string): string {
  return p ? (p.object.objecttype?.naam ?? p.object.naam) : anders;
}

/** Refs only into `$defs`: a unit's schema is valid on its own with the message's `$defs` beside it. */
function refsLocal(s: unknown): boolean {
  if (Array.isArray(s)) return s.every(refsLocal);
  if (!isSchema(s)) return true;
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref' && (typeof v !== 'string' || !/^#\/\$defs\/[^/]+$/.test(v))) return false;
    if (k === '$id' || k === '$anchor' || k === '$dynamicRef' || k === '$dynamicAnchor') return false;
    if (!refsLocal(v)) return false;
  }
  return true;
}

/**
 * The streaming plan and the schema of each unit. A list is streamed only where the schema allows splitting
 * it off (plain properties and items on the way, array keywords the engine checks itself); anything else is
 * left inside its unit, which is then parsed whole: correct, only not in bounded memory.
 */
export function streamPlan(um: Uitwisselmodel, compat: Schema): StreamPlan {
  // Units by path: the message, every list item that leads to a record list, and the records.
  const lijsten = recordLijsten(um).filter((pad) => {
    const lijst = schemaOp(compat, pad);
    const item = schemaOp(compat, [...pad, '*']);
    return (
      lijst !== undefined &&
      item !== undefined &&
      allowed(lijst, PAD_LIJST) &&
      hasType(lijst, 'array') &&
      refsLocal(item)
    );
  });
  const sleutel = (pad: readonly string[]) => pad.join('\u0000');
  const paden: string[][] = [[]];
  const gezien = new Set([sleutel([])]);
  for (const lijst of lijsten) {
    for (let n = 1; n <= lijst.length; n++) {
      if (lijst[n] === '*' || n === lijst.length) {
        const p = n === lijst.length ? [...lijst, '*'] : lijst.slice(0, n + 1);
        if (!gezien.has(sleutel(p))) {
          gezien.add(sleutel(p));
          paden.push(p);
        }
      }
    }
  }
  // Parents before children; siblings in the order the model lists them.
  paden.sort((a, b) => a.filter((s) => s === '*').length - b.filter((s) => s === '*').length);
  const index = new Map(paden.map((p, i) => [sleutel(p), i]));
  // The parent: the longest other unit whose path starts this one's.
  const ouderVan = (pad: string[]): number => {
    for (let n = pad.length - 1; n >= 0; n--) {
      const i = index.get(sleutel(pad.slice(0, n)));
      if (i !== undefined) return i;
    }
    return -1;
  };
  const bericht = berichtView(um);
  const eenheden: EenheidPlan[] = paden.map((pad, i) => ({
    pad,
    naam: naamOp(bericht.at(pad), um.bericht.naam),
    validator: `eenheid${i}`,
    ouder: i === 0 ? -1 : ouderVan(pad),
    record: true,
    lijsten: [],
    vingerafdruk: false,
  }));
  for (let i = 1; i < eenheden.length; i++) {
    const e = eenheden[i]!;
    const ouder = eenheden[e.ouder]!;
    const pad = e.pad.slice(ouder.pad.length, -1);
    const lijst = schemaOp(compat, e.pad.slice(0, -1))!;
    ouder.record = false;
    ouder.lijsten.push({
      pad,
      eenheid: i,
      ...(typeof lijst.minItems === 'number' ? { minItems: lijst.minItems } : {}),
      ...(typeof lijst.maxItems === 'number' ? { maxItems: lijst.maxItems } : {}),
      ...(lijst.uniqueItems === true ? { uniqueItems: true } : {}),
    });
  }
  for (let i = 1; i < eenheden.length; i++) {
    for (let a = i; a > 0; a = eenheden[a]!.ouder) {
      const ouder = eenheden[eenheden[a]!.ouder]!;
      if (ouder.lijsten.find((l) => l.eenheid === a)?.uniqueItems) eenheden[i]!.vingerafdruk = true;
    }
  }
  return { eenheden };
}

/** The schema of each unit of the plan: its part of the compat schema, the streamed lists in it as bare arrays. */
export function eenheidSchemas(plan: StreamPlan, compat: Schema): Schema[] {
  const defs = compat.$defs;
  const { $schema: _s, $id: _i, $defs: _d, ...rootRest } = compat;
  return plan.eenheden.map((e, i) => {
    const s = structuredClone(i === 0 ? rootRest : schemaOp(compat, e.pad)!) as Schema;
    for (const l of e.lijsten) {
      // The streamed list is checked by the engine (items, minItems, maxItems, uniqueItems); the unit sees [].
      let o = s;
      for (const seg of l.pad.slice(0, -1)) {
        const props = o.properties as Schema;
        props[seg] = structuredClone(resolve(compat, props[seg])!);
        o = props[seg] as Schema;
      }
      const props = o.properties as Schema;
      const orig = resolve(compat, props[l.pad.at(-1)!])!;
      props[l.pad.at(-1)!] = {
        type: orig.type,
        ...(typeof orig.description === 'string' ? { description: orig.description } : {}),
      };
    }
    return { ...s, $defs: defs };
  });
}
