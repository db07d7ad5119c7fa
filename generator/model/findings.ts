/** A problem found in a model, positioned in the YAML source it came from. */
export type Severity = 'error' | 'warning';

export interface Positie {
  /** Path as the user gave it or relative to the repository, always with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Finding extends Positie {
  severity: Severity;
  rule: string;
  message: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}`;
}

/** Line and column (1-based, in bytes) of a byte offset in a file's raw bytes. */
export function positionOfByte(file: string, bytes: Uint8Array, index: number): Positie {
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

  add(at: Positie, severity: Severity, rule: string, message: string): void {
    this.all.push({ ...at, severity, rule, message });
  }

  error(at: Positie, rule: string, message: string): void {
    this.add(at, 'error', rule, message);
  }

  warning(at: Positie, rule: string, message: string): void {
    this.add(at, 'warning', rule, message);
  }

  get hasErrors(): boolean {
    return this.all.some((f) => f.severity === 'error');
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
    readonly at: Positie,
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
