/**
 * The streaming validator says what the package's validate() says: on the agreement corpus (the published
 * examples and their mutations) the verdict is the same, every error of validate() is among the streaming
 * validator's errors (same path, same message), and the streaming validator adds only errors of the rules
 * across records that validate() leaves out when the schema already failed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS, publishedDir, readJson } from '../conformance/models.ts';
import { mutateExamples, type Example, type Schema } from '../conformance/mutations.ts';
import { HAS_REFERENCE } from '../package/support.ts';
import { inChunks, pakket } from './support.ts';

describe.skipIf(!HAS_REFERENCE)('streaming validator agrees with validate()', () => {
  for (const model of MODELS) {
    it(`${model.name}: same verdict and errors on the whole agreement corpus`, async () => {
      const p = await pakket(model.name);
      const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
      const examples: Example[] = model.examples.map((name) => ({
        name,
        doc: readJson(join(publishedDir(model), name)),
      }));
      const corpus = mutateExamples(examples, published, { seed: 0xdda5, pairsPerExample: 150 });
      const verschil: string[] = [];
      let chunk = 1;
      let afgewezen = 0;
      for (const m of corpus) {
        const verwacht = p.validate(m.doc);
        if (!verwacht.valid) afgewezen++;
        // Pretty-printed like a delivery; chunk sizes vary so that records and tokens run over chunk boundaries.
        const bytes = Buffer.from(JSON.stringify(m.doc, null, 2));
        chunk = (chunk * 7 + 3) % 97 || 5;
        const stream = inChunks(p, bytes, chunk * 13);
        if (stream.valid !== verwacht.valid) {
          verschil.push(
            `${m.description}: validate ${verwacht.valid}, stream ${stream.valid}: ${JSON.stringify([verwacht.errors, stream.errors])}`,
          );
          continue;
        }
        const gevonden = new Set(stream.errors.map((e) => `${e.path} ${e.message}`));
        for (const e of verwacht.errors)
          if (!gevonden.has(`${e.path} ${e.message}`))
            verschil.push(`${m.description}: missing ${e.path} ${e.message}`);
        const bekend = new Set(verwacht.errors.map((e) => `${e.path} ${e.message}`));
        for (const e of stream.errors) {
          if (!bekend.has(`${e.path} ${e.message}`) && !/verwijst naar|komt in deze|ligt voor|terwijl/.test(e.message))
            verschil.push(`${m.description}: extra ${e.path} ${e.message}`);
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
        }
      }
      console.log(
        `${model.name}: ${corpus.length} documents (seed 0xdda5), ${afgewezen} rejected, ${verschil.length} differences`,
      );
      expect(verschil.slice(0, 20)).toEqual([]);
      expect(corpus.length).toBeGreaterThanOrEqual(2000);
      // Both verdicts often, or the comparison would say little about the error paths.
      expect(afgewezen).toBeGreaterThan(corpus.length / 20);
      expect(corpus.length - afgewezen).toBeGreaterThan(corpus.length / 20);
    });
  }
});
