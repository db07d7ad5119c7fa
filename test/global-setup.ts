/**
 * Once per test run: the published artefacts in ../shared/reference/ are what the conformance tests compare
 * with. In CI they must be there, so a missing folder fails the run instead of quietly skipping the tests
 * that need it; on a clone outside CI those tests skip, and the run says so at its start and its end (the
 * count is in vitest's summary: "skipped").
 */
import { existsSync } from 'node:fs';
import { referenceRoot } from './conformance/models.ts';

const reden = `${referenceRoot} is absent (a clone outside CI): the tests against the published schemas and examples are skipped`;

export function setup(): void {
  if (existsSync(referenceRoot)) return;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      `CI is set, but ${referenceRoot} is absent: the conformance tests cannot run. CI must provide ../shared/reference beside the clone.`,
    );
  }
  console.warn(`mimgen tests: ${reden}.`);
}

export function teardown(): void {
  if (!existsSync(referenceRoot))
    console.warn(`mimgen tests: the skipped tests above were skipped because ${reden.replace(/: the tests.*$/, '')}.`);
}
