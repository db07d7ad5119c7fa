/**
 * Shared by the XMI import tests: where the reference exports are, running the CLI as a child process,
 * and a reading of an EA XMI file that is independent of the importer (htmlparser2's DOM in XML mode,
 * not saxes and not generator/xmi/), so that the tests compare the import with the file itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const referenceRoot = resolve(repoRoot, '../shared/reference');
export const VROEGSIGNALERING_XMI = join(referenceRoot, 'vroegsignalering/ea-xmi-model-vroegsignalering.xml');
export const MIM_TESTMODELLEN_XMI = join(referenceRoot, 'xmi/MIM-testmodellen.xmi');
export const GGM_ONDERWIJS_XMI = join(referenceRoot, 'xmi/ggm-onderwijs-mim.xml');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mimgen-${prefix}-`));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = repoRoot): CliRun {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/mimgen.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MIMGEN_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// ----- an independent reading of the XMI -----

type El = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export interface XmiAttribute {
  naam: string;
  eaType: string;
  lower: string;
  upper: string;
}

export interface XmiClass {
  id: string;
  naam: string;
  umlType: string;
  attributes: XmiAttribute[];
  literals: string[];
  generalisaties: string[];
}

export interface XmiAssociation {
  id: string;
  naam: string;
  bron: string;
  doel: string;
  doelLower: string;
  doelUpper: string;
  bronLower: string;
  bronUpper: string;
}

export interface XmiReading {
  classes: XmiClass[];
  associations: XmiAssociation[];
  /** Names of ids the file does not define, from EA's connector ends. */
  namesOutside: Map<string, string>;
}

/** Reads the classes of one package (and its sub-packages) and the associations that start in them. */
export function readXmi(path: string, packageName: string): XmiReading {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 200).toString('latin1');
  const encoding = /encoding=["']([^"']+)/.exec(head)?.[1] ?? 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  const doc = parseDocument(text, { xmlMode: true });
  const all = DomUtils.getElementsByTagName('packagedElement', doc.children, true);
  const pkg = all.find((e) => e.attribs['xmi:type'] === 'uml:Package' && e.attribs.name === packageName);
  if (!pkg) throw new Error(`no package ${packageName}`);
  const byId = new Map<string, El>();
  for (const e of DomUtils.getElementsByTagName(() => true, doc.children, true))
    if (e.attribs['xmi:id']) byId.set(e.attribs['xmi:id'], e);
  const extAttrs = new Map<string, El>();
  for (const e of DomUtils.getElementsByTagName('attribute', doc.children, true))
    if (e.attribs['xmi:idref']) extAttrs.set(e.attribs['xmi:idref'], e);
  const extTypes = new Map<string, string>();
  for (const e of DomUtils.getElementsByTagName('element', doc.children, true))
    if (e.attribs['xmi:idref']) extTypes.set(e.attribs['xmi:idref'], e.attribs['xmi:type'] ?? '');
  const namesOutside = new Map<string, string>();
  for (const c of DomUtils.getElementsByTagName('connector', doc.children, true)) {
    for (const end of DomUtils.getChildren(c).filter(
      (x): x is El => 'name' in x && (x.name === 'source' || x.name === 'target'),
    )) {
      const model = DomUtils.getElementsByTagName('model', [end], true)[0];
      if (model?.attribs.name && !byId.has(end.attribs['xmi:idref']!))
        namesOutside.set(end.attribs['xmi:idref']!, model.attribs.name);
    }
  }
  const childEls = (e: El, name: string) =>
    DomUtils.getChildren(e).filter((x): x is El => 'name' in x && x.name === name);
  const value = (e: El, name: string) => childEls(e, name)[0]?.attribs.value;
  const nameOf = (id: string) => byId.get(id)?.attribs.name ?? namesOutside.get(id) ?? id;

  const classes: XmiClass[] = [];
  const inPackage = DomUtils.getElementsByTagName('packagedElement', [pkg], true).filter((e) =>
    ['uml:Class', 'uml:Enumeration', 'uml:DataType', 'uml:PrimitiveType', 'uml:Interface'].includes(
      e.attribs['xmi:type'] ?? '',
    ),
  );
  for (const c of inPackage) {
    const ext = extTypes.get(c.attribs['xmi:id']!);
    if (ext && !['uml:Class', 'uml:Enumeration', 'uml:DataType', 'uml:PrimitiveType', 'uml:Interface'].includes(ext))
      continue;
    if (!c.attribs.name) continue;
    const attributes = childEls(c, 'ownedAttribute')
      .filter((a) => !a.attribs.association)
      .map((a) => {
        const typeId = childEls(a, 'type')[0]?.attribs['xmi:idref'] ?? '';
        const extType = DomUtils.getElementsByTagName(
          'properties',
          [extAttrs.get(a.attribs['xmi:id']!)!].filter(Boolean),
          false,
        )[0]?.attribs.type;
        return {
          naam: a.attribs.name ?? '',
          eaType: byId.get(typeId)?.attribs.name ?? extType ?? typeId,
          lower: value(a, 'lowerValue') ?? '1',
          upper: value(a, 'upperValue') ?? '1',
        };
      });
    classes.push({
      id: c.attribs['xmi:id']!,
      naam: c.attribs.name,
      umlType: c.attribs['xmi:type']!,
      attributes,
      literals: childEls(c, 'ownedLiteral').map((l) => l.attribs.name ?? ''),
      generalisaties: childEls(c, 'generalization').map((g) => nameOf(g.attribs.general ?? '')),
    });
  }
  const ids = new Set(classes.map((c) => c.id));
  const associations: XmiAssociation[] = [];
  for (const a of all.filter((e) => e.attribs['xmi:type'] === 'uml:Association')) {
    const ends = childEls(a, 'memberEnd').map((m) => byId.get(m.attribs['xmi:idref']!));
    if (ends.length !== 2 || ends.some((e) => !e)) continue;
    // EA: the target end is an attribute of the source class, the source end sits in the association.
    const tgt = ends.find((e) => e!.name === 'ownedAttribute') ?? ends[0]!;
    const src = ends.find((e) => e !== tgt)!;
    const bron = childEls(src, 'type')[0]!.attribs['xmi:idref']!;
    const doel = childEls(tgt, 'type')[0]!.attribs['xmi:idref']!;
    if (!ids.has(bron)) continue;
    associations.push({
      id: a.attribs['xmi:id']!,
      naam: a.attribs.name ?? '',
      bron: nameOf(bron),
      doel: nameOf(doel),
      doelLower: value(tgt, 'lowerValue') ?? '1',
      doelUpper: value(tgt, 'upperValue') ?? '1',
      bronLower: value(src, 'lowerValue') ?? '1',
      bronUpper: value(src, 'upperValue') ?? '1',
    });
  }
  return { classes, associations, namesOutside };
}

/** `lower`/`upper` as MIM writes a kardinaliteit. */
export function kardinaliteit(lower: string, upper: string): string {
  const up = upper === '-1' || upper === '*' ? '*' : upper;
  return lower === up ? lower : `${lower}..${up}`;
}

// ----- the command in process -----

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `mimgen <args>` in this process (main(), stdout and stderr captured): no child process, no build needed. */
export async function mimgenInProcess(args: string[]): Promise<InProcessRun> {
  const { vi } = await import('vitest');
  const { main } = await import('../../generator/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The line (1-based) of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle} in the text`);
  return text.slice(0, i).split('\n').length;
}
