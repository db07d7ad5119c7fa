/**
 * Problems found while importing an XMI file. An error makes the import write nothing (exit 2); a warning
 * is reported beside the written model.
 */
import type { Finding, Positie, Severity } from '../model/findings.ts';

export type { Finding, Positie, Severity };

/** The input cannot be turned into a model at all: not XML, not XMI, unknown encoding, inconsistent ids. */
export class XmiError extends Error {
  constructor(
    readonly findings: Finding[],
  ) {
    super(findings.map((f) => f.message).join('; '));
  }

  static at(at: Positie, rule: string, message: string): XmiError {
    return new XmiError([{ ...at, severity: 'error', rule, message }]);
  }
}

/** Collects the findings of one import, so that all problems are reported at once. */
export class ImportFindings {
  readonly all: Finding[] = [];

  error(at: Positie, rule: string, message: string): void {
    this.all.push({ ...at, severity: 'error', rule, message });
  }

  warning(at: Positie, rule: string, message: string): void {
    this.all.push({ ...at, severity: 'warning', rule, message });
  }

  get errors(): Finding[] {
    return this.all.filter((f) => f.severity === 'error');
  }
}
