/**
 * Shared by the MIM-XML tests: Geonovum's XSDs and samples in ../shared/reference/mim-xml/ (read there, never
 * copied), xmllint (Debian's libxml2-utils, which .ci/run installs), and the comparison of two resolved models.
 * Outside CI a test that needs what is absent skips; under CI=true it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { referenceRoot } from '../conformance/models.ts';
import type { MimVersie } from '../../generator/mimxml/export.ts';

export const MIM_XML_REFERENCE = join(referenceRoot, 'mim-xml');
export const XMLLINT = '/usr/bin/xmllint';
const CI = process.env.CI === 'true' || process.env.CI === '1';

/** Why the XSD tests cannot run here, or undefined when they can. Under CI a missing part is an error. */
export function xsdUnavailable(): string | undefined {
  const missing = [
    ...(existsSync(XMLLINT) ? [] : [`${XMLLINT} (Debian's libxml2-utils)`]),
    ...(existsSync(MIM_XML_REFERENCE) ? [] : [MIM_XML_REFERENCE]),
  ];
  if (missing.length === 0) return undefined;
  if (CI) throw new Error(`CI is set, but ${missing.join(' and ')} is absent: the MIM-XML export cannot be validated`);
  return `${missing.join(' and ')} absent (outside CI): the XSD validation is skipped`;
}

export function samplesUnavailable(): string | undefined {
  if (existsSync(MIM_XML_REFERENCE)) return undefined;
  if (CI) throw new Error(`CI is set, but ${MIM_XML_REFERENCE} is absent`);
  return `${MIM_XML_REFERENCE} absent (outside CI): the samples are skipped`;
}

export type Variant = 'relatiesoort' | 'relatierol';

/** xmllint --noout --schema against MIMFORMAT_Mim_<variant>.xsd of the version: its status and what it printed. */
export function xmllint(
  file: string,
  versie: MimVersie,
  variant: Variant = 'relatiesoort',
): { status: number | null; output: string } {
  const xsd = join(MIM_XML_REFERENCE, versie, `MIMFORMAT_Mim_${variant}.xsd`);
  const r = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/**
 * A resolved model as plain data to compare: source positions left out, every element in full where it first
 * appears and by its id after that (the model is a graph: eigenaar, doel, supertypen point back).
 */
export function canon(x: unknown, seen = new Map<object, unknown>()): unknown {
  if (Array.isArray(x)) return x.map((v) => canon(v, seen));
  if (x !== null && typeof x === 'object') {
    if (seen.has(x)) return { ref: seen.get(x) };
    const o = x as Record<string, unknown>;
    seen.set(x, o.id ?? o.naam ?? seen.size);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (k !== 'bron' && o[k] !== undefined) out[k] = canon(o[k], seen);
    return out;
  }
  return x;
}
