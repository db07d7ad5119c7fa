import { join } from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { UmObject } from '../../generator/derive/types.ts';
import { umTypeNamen } from '../../generator/emit/package/naming.ts';
import { MODELLEN, ROOT, uitwisselmodel } from './support.ts';

describe('message types generated from the compat schema', () => {
  for (const model of MODELLEN) {
    it(`${model.naam}: one named interface per object, index signatures only on open objects, no Name1 duplicates`, () => {
      const project = new Project({ skipAddingFilesFromTsConfig: true });
      const file = project.addSourceFileAtPath(join(ROOT, 'generated', model.naam, 'src', 'uitwisselmodel.ts'));
      const um = uitwisselmodel(model.naam);
      const namen = umTypeNamen(um);
      const interfaces = new Map(file.getInterfaces().map((i) => [i.getName(), i]));
      for (const [object, naam] of namen as Map<UmObject, string>) {
        const i = interfaces.get(naam);
        expect(i, `interface ${naam}`).toBeDefined();
        expect(i!.getIndexSignatures().length > 0, `${naam} index signature`).toBe(!object.gesloten);
        expect(i!.getProperties().map((p) => p.getName().replace(/^'(.*)'$/, '$1'))).toEqual(
          object.velden.map((v) => v.naam),
        );
      }
      const names = [...file.getInterfaces(), ...file.getTypeAliases()].map((d) => d.getName());
      expect(names.filter((n) => /\D\d+$/.test(n))).toEqual([]);
      for (const e of um.enumeraties) {
        const alias = file.getTypeAliasOrThrow(e.naam.charAt(0).toUpperCase() + e.naam.slice(1));
        expect(alias.getTypeNode()!.getText().replace(/\s+/g, ' ')).toContain(`'${e.waarden[0]!.naam}'`);
      }
    });
  }
});
