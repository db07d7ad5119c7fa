/**
 * Conformance of the generated compat schema: it accepts every published example and gives the same
 * verdict as the published schema on thousands of documents derived from the examples by mutation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutateExamples, type Example, type Schema } from './mutations.ts';
import {
  compile,
  formatErrors,
  generatedDir,
  MODELS,
  publishedDir,
  readJson,
  skipReason,
  tellSkip,
  verdict,
} from './models.ts';

const MINIMUM_DOCUMENTS = 2000;

for (const model of MODELS) {
  const reason = skipReason(model);
  if (reason) tellSkip(`agreement tests for ${model.name}`, reason);

  describe.skipIf(reason !== undefined)(
    `${model.name}: generated compat schema agrees with published ${model.version}`,
    () => {
      let loaded: ReturnType<typeof read> | undefined;
      const load = () => (loaded ??= read());
      const read = () => {
        const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
        const compat = readJson<Schema>(join(generatedDir(model), 'uitwisselmodel.schema.json'));
        const examples: Example[] = model.examples.map((name) => ({
          name,
          doc: readJson(join(publishedDir(model), name)),
        }));
        return { published, compat, examples, publishedV: compile(published), compatV: compile(compat) };
      };

      for (const name of model.examples) {
        it(`accepts the published example ${name} under both schemas`, () => {
          const { publishedV, compatV, examples } = load();
          const doc = examples.find((e) => e.name === name)!.doc;
          const p = verdict(publishedV, doc);
          const c = verdict(compatV, doc);
          expect(p.valid, `published schema rejects ${name}: ${formatErrors(p.errors)}`).toBe(true);
          expect(c.valid, `generated compat schema rejects ${name}: ${formatErrors(c.errors)}`).toBe(true);
        });
      }

      it('derives the same documents from the same seed (the mutation generator is deterministic)', () => {
        const { published, examples } = load();
        const fingerprint = (seed: number) =>
          mutateExamples(examples.slice(0, 1), published, { seed, pairsPerExample: 40 })
            .map((m) => `${m.description}\n${JSON.stringify(m.doc)}`)
            .join('\n');
        const a = fingerprint(7);
        expect(fingerprint(7) === a, 'two runs with seed 7 differ').toBe(true);
        expect(fingerprint(8) === a, 'seeds 7 and 8 give the same sample of combined mutations').toBe(false);
      });

      it(`gives the same verdict as the published schema on at least ${MINIMUM_DOCUMENTS} mutated documents`, () => {
        const { published, examples, publishedV, compatV } = load();
        const mutations = mutateExamples(examples, published, { seed: 0xdda5, pairsPerExample: 150 });
        let accepted = 0;
        const disagreements: string[] = [];
        const perExample = new Map<string, number>();
        for (const m of mutations) {
          perExample.set(m.example, (perExample.get(m.example) ?? 0) + 1);
          const p = verdict(publishedV, m.doc);
          const c = verdict(compatV, m.doc);
          if (p.valid) accepted++;
          if (p.valid !== c.valid) {
            disagreements.push(
              [
                `- ${m.description}`,
                `    published ${model.version}: ${p.valid ? 'accepts' : 'rejects'} ${formatErrors(p.errors)}`,
                `    generated compat: ${c.valid ? 'accepts' : 'rejects'} ${formatErrors(c.errors)}`,
              ].join('\n'),
            );
          }
        }
        console.log(
          `${model.name}: ${mutations.length} documents (${[...perExample].map(([e, n]) => `${e} ${n}`).join(', ')}): ` +
            `${accepted} accepted, ${mutations.length - accepted} rejected by the published schema; ${disagreements.length} disagreement(s)`,
        );
        expect(mutations.length).toBeGreaterThanOrEqual(MINIMUM_DOCUMENTS);
        for (const name of model.examples)
          expect(perExample.get(name) ?? 0, `no mutations of ${name}`).toBeGreaterThan(100);
        // both verdicts must occur often, or the documents would test little
        expect(accepted).toBeGreaterThan(mutations.length / 20);
        expect(mutations.length - accepted).toBeGreaterThan(mutations.length / 20);
        expect(
          disagreements,
          `${disagreements.length} of ${mutations.length} documents get a different verdict:\n${disagreements.slice(0, 25).join('\n')}` +
            (disagreements.length > 25 ? `\n... and ${disagreements.length - 25} more` : ''),
        ).toEqual([]);
      });
    },
  );
}
