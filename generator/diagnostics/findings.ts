/**
 * The one findings type of lint, import, config and changelog: a problem positioned in the file it was
 * found in, under a rule of the registry (rules.ts).
 */
import { RULES, type ErrorRule, type RuleId, type Severity, type WarningRule } from './rules.ts';

export type { ErrorRule, RuleId, Severity, WarningRule };

export interface Position {
  /** Path as the user gave it or relative to the repository, always with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * A finding under one rule, with a severity that rule may have: a union over the registry, so that an object
 * literal with an undeclared rule or a severity its rule does not have fails to compile.
 */
export type Finding = {
  [R in RuleId]: Position & { severity: SeverityOf<R>; rule: R; message: string };
}[RuleId];

/** The severities a rule may be reported with. */
export type SeverityOf<R extends RuleId> = (typeof RULES)[R]['severity'] extends 'error or warning'
  ? Severity
  : (typeof RULES)[R]['severity'];

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}`;
}

/** A finding; the rule's type says which severities it may have, and this checks what the types cannot see. */
export function finding(at: Position, severity: Severity, rule: RuleId, message: string): Finding {
  const allowed = RULES[rule].severity;
  if (allowed !== 'error or warning' && allowed !== severity)
    throw new Error(`rule ${rule} is declared as ${allowed}, reported as ${severity}`);
  return { file: at.file, line: at.line, column: at.column, severity, rule, message } as Finding;
}

/** Line and column (1-based, in bytes) of a byte offset in a file's raw bytes. */
export function positionOfByte(file: string, bytes: Uint8Array, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: index - lineStart + 1 };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compare(a.rule, b.rule) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects findings; the one object every check writes into, so that a run reports everything at once. */
export class Findings {
  readonly all: Finding[] = [];

  error(at: Position, rule: ErrorRule, message: string): void {
    this.all.push(finding(at, 'error', rule, message));
  }

  warning(at: Position, rule: WarningRule, message: string): void {
    this.all.push(finding(at, 'warning', rule, message));
  }

  get hasErrors(): boolean {
    return this.all.some((f) => f.severity === 'error');
  }

  get errors(): Finding[] {
    return this.all.filter((f) => f.severity === 'error');
  }

  sorted(): Finding[] {
    return [...this.all].sort(compareFindings);
  }
}

/**
 * Input that cannot be read at all (missing folder, binary file, invalid UTF-8). The CLI turns it into
 * exit code 2; it is never shown as a stack trace.
 */
export class UnreadableInput extends Error {
  constructor(
    readonly at: Position,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Input with errors that stop a command before it starts (a mimgen.config.yaml that cannot be used): the
 * CLI prints every finding and exits with 2, never a stack trace.
 */
export class InputErrors extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('; '));
  }
}
