/** Small models written in memory, loaded through the ordinary pipeline. */
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { Kant } from '../../generator/diff/index.ts';
import type { SourceReader } from '../../generator/model/yaml-source.ts';
import { loadModel } from '../../generator/pipeline.ts';

export function memoryReader(files: Record<string, string>): SourceReader {
  return {
    listYaml(dir) {
      const d = posix.normalize(dir).replace(/\/$/, '');
      const names = Object.keys(files)
        .filter((f) => posix.dirname(f) === d && (f.endsWith('.yaml') || f.endsWith('.yml')))
        .map((f) => posix.basename(f));
      const isDir = Object.keys(files).some((f) => f.startsWith(`${d}/`));
      return isDir ? names : undefined;
    },
    read(path) {
      const text = files[posix.normalize(path)];
      return text === undefined ? undefined : new TextEncoder().encode(text);
    },
  };
}

/** A model from JS objects: the informatiemodel (one file), the derivation, and shared datatypes. */
export function model(
  im: Record<string, unknown>,
  derivatie: Record<string, unknown> | undefined,
  label = 'm',
  datatypes: Record<string, unknown> = DATATYPES,
): Kant {
  const files: Record<string, string> = {
    'model/t/informatiemodel.yaml': stringify(im),
    'model/gedeeld/datatypes.yaml': stringify(datatypes),
  };
  if (derivatie) files['model/t/uitwisselmodel.yaml'] = stringify(derivatie);
  const loaded = loadModel('model/t', memoryReader(files));
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 || !loaded.informatiemodel)
    throw new Error(
      `test model does not load:\n${errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).join('\n')}`,
    );
  return { soort: 'model', label, informatiemodel: loaded.informatiemodel, uitwisselmodel: loaded.uitwisselmodel };
}

export const DATATYPES = {
  pakket: { id: 'gedeeld.datatypes', naam: 'Datatypes', definitie: 'De datatypes van de testmodellen.' },
  primitieveDatatypes: [
    { id: 'datatype.an', naam: 'AN', basis: 'tekst', lengteInNaam: true, definitie: 'Tekst.' },
    { id: 'datatype.characterstring', naam: 'CharacterString', basis: 'tekst', definitie: 'Tekst.' },
    { id: 'datatype.integer', naam: 'Integer', basis: 'geheelGetal', definitie: 'Een geheel getal.' },
    { id: 'datatype.decimal', naam: 'Decimal', basis: 'decimaalGetal', definitie: 'Een getal.' },
    { id: 'datatype.boolean', naam: 'Boolean', basis: 'boolean', definitie: 'Ja of nee.' },
    { id: 'datatype.datum', naam: 'Datum', basis: 'datum', formaat: 'date', definitie: 'Een datum.' },
  ],
};
