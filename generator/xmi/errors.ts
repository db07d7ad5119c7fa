/**
 * An import that cannot go on: an error makes the import write nothing (exit 2). Findings that let it go on
 * are collected in the one findings type (diagnostics/findings.ts) and reported beside the written model.
 */
import { finding, type ErrorRule, type Finding, type Position } from '../diagnostics/findings.ts';

/** The input cannot be turned into a model at all: not XML, not XMI, unknown encoding, inconsistent ids. */
export class XmiError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('; '));
  }

  static at(at: Position, rule: ErrorRule, message: string): XmiError {
    return new XmiError([finding(at, 'error', rule, message)]);
  }
}
