/**
 * The model's rules as the streaming validator applies them: split over the units (checks within one value,
 * keys and references across records), and the walks that find the values a rule is about without building
 * a pointer for each.
 */
import type { Pad, Regels, UniekRegel, VerwijzingRegel } from '../controles.js';
import { segment } from './json-text.js';
import type { StreamPlan } from './types.js';

/** Keys that a unit contributes to the checks of an enclosing scope (each Levering). */
export interface SleutelBijdrage {
  scope: number;
  rel: Pad;
  pad: string;
  uniek: UniekRegel | null;
  /** The first occurrence is kept as the item's index, the pointer made again when needed. */
  compact: boolean;
  lijstPointer: string;
  relPointer: string;
}

export interface VerwijzingBijdrage {
  scope: number;
  rel: Pad;
  pad: string;
  regel: VerwijzingRegel;
}

export interface EenheidRegels {
  lokaal: Regels | null;
  sleutels: SleutelBijdrage[];
  verwijzingen: VerwijzingBijdrage[];
  /** Pads of the keys this unit keeps as a scope. */
  scopePaden: string[];
}

/** Own property, never one from the prototype (a `__proto__` key of the input is an own property too). */
export function eigen(v: unknown, naam: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, naam)
    ? (v as Record<string, unknown>)[naam]
    : undefined;
}

/**
 * Every string or number at `pad` below `v` (`*`: each item of a list), with the indices of its `*` steps in
 * `idx`: what doorloop() of the checks yields, without building a pointer for each value.
 */
export function sleutelsOp(
  v: unknown,
  pad: Pad,
  k: number,
  idx: number[],
  f: (w: string | number, idx: number[]) => void,
): void {
  for (; k < pad.length; k++) {
    const seg = pad[k]!;
    if (seg === '*') {
      if (!Array.isArray(v)) return;
      for (let i = 0; i < v.length; i++) {
        idx.push(i);
        sleutelsOp(v[i], pad, k + 1, idx, f);
        idx.pop();
      }
      return;
    }
    v = eigen(v, seg);
    if (v === undefined) return;
  }
  if (typeof v === 'string' || typeof v === 'number') f(v, idx);
}

export function padPointer(pad: Pad, idx: readonly number[]): string {
  let p = '';
  let j = 0;
  for (const s of pad) p += s === '*' ? `/${idx[j++]}` : `/${segment(s)}`;
  return p;
}

/** Whether a rule within one unit may be broken: cheap, never misses; controleer() then says exactly what is wrong. */
export function mogelijkGebroken(v: unknown, regels: Regels): boolean {
  if (regels.uniek.length > 0 || regels.verwijzingen.length > 0) return true;
  for (const r of regels.datumvolgorde) if (objectenOp(v, r.object, 0, r, datumFout)) return true;
  for (const r of regels.voorwaarden) if (objectenOp(v, r.object, 0, r, voorwaardeFout)) return true;
  return false;
}

function objectenOp<R>(v: unknown, pad: Pad, k: number, r: R, f: (o: unknown, r: R) => boolean): boolean {
  for (; k < pad.length; k++) {
    const seg = pad[k]!;
    if (seg === '*') {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (objectenOp(v[i], pad, k + 1, r, f)) return true;
      return false;
    }
    v = eigen(v, seg);
    if (v === undefined) return false;
  }
  return f(v, r);
}

function datumFout(o: unknown, r: Regels['datumvolgorde'][number]): boolean {
  const vroegste = eigen(o, r.vroegste);
  const laatste = eigen(o, r.laatste);
  return typeof vroegste === 'string' && typeof laatste === 'string' && laatste < vroegste;
}

function voorwaardeFout(o: unknown, r: Regels['voorwaarden'][number]): boolean {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const vereist = eigen(o, r.vereist);
  return eigen(o, r.als) === r.waarde && (vereist === undefined || vereist === null || vereist === '');
}

/** Splits the model's rules over the units: checks within one unit, and keys and references across records. */
export function verdeelRegels(plan: StreamPlan, regels: Regels): EenheidRegels[] {
  const eenheden = plan.eenheden;
  const eenheidVan = (pad: Pad): number => {
    let best = 0;
    eenheden.forEach((e, k) => {
      if (
        e.pad.length <= pad.length &&
        e.pad.every((s, j) => pad[j] === s) &&
        e.pad.length > eenheden[best]!.pad.length
      )
        best = k;
    });
    return best;
  };
  const result: EenheidRegels[] = eenheden.map(() => ({
    lokaal: { uniek: [], verwijzingen: [], datumvolgorde: [], voorwaarden: [] },
    sleutels: [],
    verwijzingen: [],
    scopePaden: [],
  }));
  const lokaal = (
    k: number,
  ): {
    uniek: UniekRegel[];
    verwijzingen: VerwijzingRegel[];
    datumvolgorde: Regels['datumvolgorde'][number][];
    voorwaarden: Regels['voorwaarden'][number][];
  } => result[k]!.lokaal as never;
  for (const r of regels.datumvolgorde) {
    const u = eenheidVan(r.object);
    lokaal(u).datumvolgorde.push({ ...r, object: r.object.slice(eenheden[u]!.pad.length) });
  }
  for (const r of regels.voorwaarden) {
    const u = eenheidVan(r.object);
    lokaal(u).voorwaarden.push({ ...r, object: r.object.slice(eenheden[u]!.pad.length) });
  }
  const bijdrage = (s: number, k: number, pad: Pad): SleutelBijdrage => {
    const naam = pad.join('/');
    let b = result[k]!.sleutels.find((x) => x.scope === s && x.pad === naam);
    if (!b) {
      const rel = pad.slice(eenheden[k]!.pad.length);
      b = {
        scope: s,
        rel,
        pad: naam,
        uniek: null,
        compact: eenheden[k]!.ouder === s && !rel.includes('*'),
        lijstPointer: eenheden[k]!.pad.slice(eenheden[s]!.pad.length, -1)
          .map((x) => `/${segment(x)}`)
          .join(''),
        relPointer: rel.map((x) => `/${segment(x)}`).join(''),
      };
      result[k]!.sleutels.push(b);
      result[s]!.scopePaden.push(naam);
    }
    return b;
  };
  for (const r of regels.uniek) {
    const s = eenheidVan(r.scope);
    const pad = [...r.scope, ...r.sleutels];
    const k = eenheidVan(pad);
    if (k === s) lokaal(s).uniek.push({ ...r, scope: r.scope.slice(eenheden[s]!.pad.length) });
    else bijdrage(s, k, pad).uniek = r;
  }
  for (const r of regels.verwijzingen) {
    const s = eenheidVan(r.scope);
    const sleutels = [...r.scope, ...r.sleutels];
    const verwijzingen = [...r.scope, ...r.verwijzingen];
    const k = eenheidVan(sleutels);
    const v = eenheidVan(verwijzingen);
    if (k === s && v === s) {
      lokaal(s).verwijzingen.push({ ...r, scope: r.scope.slice(eenheden[s]!.pad.length) });
      continue;
    }
    const b = bijdrage(s, k, sleutels);
    result[v]!.verwijzingen.push({ scope: s, rel: verwijzingen.slice(eenheden[v]!.pad.length), pad: b.pad, regel: r });
  }
  for (const r of result) {
    const l = r.lokaal!;
    if (l.uniek.length + l.verwijzingen.length + l.datumvolgorde.length + l.voorwaarden.length === 0) r.lokaal = null;
  }
  return result;
}
