/**
 * The validator page of a model's package (issue 17): `generated/<name>/validator/`, a static folder
 * (index.html, validator.css, pagina.js, werker.js) that validates a delivery in the browser with the
 * package's streaming validator, in a Web Worker over File.stream(), without any network request.
 *
 * The worker, werker.js, is bundled by ./validator-werker.ts from the package's files as they are in the
 * generated tree (in memory, so `generate --check` compares the bundle of the current output); the rest is
 * the runtime's static files and index.html with the docs' places of the model.
 */
import { dependencyFile, textTemplate } from '../common/tool-files.ts';
import { PLAATSEN } from '../emit/docs/plaatsen.ts';
import { werkerBundel } from './validator-werker.ts';

/** The validator page's files, by path under the model's generated folder. */
export async function validatorPage(
  name: string,
  titel: string,
  files: ReadonlyMap<string, string>,
  /** The worker's bundle when it was started earlier (mimgen generate does, beside the other emitters). */
  bundel: Promise<string> = werkerBundel(files),
): Promise<Map<string, string>> {
  const werker = await bundel;
  // Each error links to what the docs say about its place: the docs emitter's links by JSON pointer pattern.
  const plaatsen = files.get(PLAATSEN);
  if (plaatsen === undefined) throw new Error(`${PLAATSEN} is not in the generated files of ${name}`);
  const html = textTemplate<{ titel: string; naam: string; docs: string; plaatsen: string }>(
    'validator/index.html.hbs',
  )({
    titel: titel.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
    naam: name,
    docs: '../docs/',
    plaatsen: JSON.stringify(JSON.parse(plaatsen)).replaceAll('<', '\\u003c'),
  });
  return new Map([
    // An icon of its own: without one the browser asks the server for /favicon.ico, which a static host may not have.
    ['validator/favicon.svg', dependencyFile('@mimgen/runtime', 'browser/favicon.svg')],
    ['validator/index.html', html],
    ['validator/validator.css', dependencyFile('@mimgen/runtime', 'browser/validator.css')],
    ['validator/pagina.js', dependencyFile('@mimgen/runtime', 'browser/pagina.js')],
    ['validator/werker.js', werker],
  ]);
}
