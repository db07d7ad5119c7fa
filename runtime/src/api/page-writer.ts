/**
 * Writes a page's message as JSON bytes while pulling its records from the source: the lists of the
 * streaming plan (each Levering's vroegsignalen, ...) may be arrays, Iterables or AsyncIterables, and so
 * may any other list. Records are counted (a page holds at most pageSize) and each is written with one
 * JSON.stringify; the bytes go out in blocks of about 64 KiB. The writer stops between records once the
 * signal is aborted: leaving a `for await` loop calls the source's return(), so a generator's finally runs.
 */
import { Buffer } from 'node:buffer';
import type { EenheidPlan, StreamPlan } from '../stream.js';
import { ProblemError } from './request.js';
import type { AbortSignalLike } from './types.js';

const BLOCK = 1 << 16;

const isIterable = (v: object): v is Iterable<unknown> =>
  typeof (v as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
const isAsyncIterable = (v: object): v is AsyncIterable<unknown> =>
  typeof (v as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

/** Aborted: the client hung up. */
export class Aborted extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'Aborted';
  }
}

export class PageWriter {
  /** Records written. */
  records = 0;
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly plan: StreamPlan,
    private readonly pageSize: number,
    private readonly signal: AbortSignalLike,
    /** Receives the bytes in order. */
    private readonly out: (bytes: Uint8Array) => void,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BLOCK) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const bytes = Buffer.from(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.out(bytes);
  }

  /** Writes the message (unit 0 of the plan). */
  async message(value: unknown): Promise<void> {
    if (!isPlainObject(value))
      throw new ProblemError(500, 'Internal Server Error', 'De bron gaf geen bericht (een object) als gegevens.');
    await this.object(value, this.plan.eenheden[0]!, []);
  }

  private async object(value: Record<string, unknown>, unit: EenheidPlan, rel: readonly string[]): Promise<void> {
    this.write('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      this.write(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      const path = [...rel, key];
      const list = unit.lijsten.find((l) => same(l.pad, path));
      if (list) await this.list(v, this.plan.eenheden[list.eenheid]!, path);
      else if (
        isPlainObject(v) &&
        unit.lijsten.some((l) => l.pad.length > path.length && same(l.pad.slice(0, path.length), path))
      )
        await this.object(v, unit, path);
      else await this.value(v);
    }
    this.write('}');
  }

  /** A list of the plan: its items are records (counted, one JSON.stringify each) or units with lists inside. */
  private async list(v: unknown, item: EenheidPlan, path: readonly string[]): Promise<void> {
    if (v === null || typeof v !== 'object') {
      this.write(JSON.stringify(v) ?? 'null');
      return;
    }
    const sync = Array.isArray(v) || (isIterable(v) && !isAsyncIterable(v));
    if (!sync && !isAsyncIterable(v))
      throw new ProblemError(500, 'Internal Server Error', `De bron gaf bij ${path.join('.')} geen lijst.`);
    this.write('[');
    let n = 0;
    if (item.record) {
      // Records take the synchronous path: no promise per record from an array.
      const record = (x: unknown): void => {
        if (this.signal.aborted) throw new Aborted();
        if (++this.records > this.pageSize)
          throw new ProblemError(
            500,
            'Internal Server Error',
            `De bron gaf meer dan ${this.pageSize} records voor deze pagina.`,
          );
        this.write(n++ === 0 ? (JSON.stringify(x) ?? 'null') : `,${JSON.stringify(x) ?? 'null'}`);
      };
      if (sync) for (const x of v as Iterable<unknown>) record(x);
      else for await (const x of v as AsyncIterable<unknown>) record(x);
    } else {
      const unit = async (x: unknown): Promise<void> => {
        if (n++ > 0) this.write(',');
        if (isPlainObject(x)) await this.object(x, item, []);
        else await this.value(x);
      };
      if (sync) for (const x of v as Iterable<unknown>) await unit(x);
      else for await (const x of v as AsyncIterable<unknown>) await unit(x);
    }
    if (this.signal.aborted) throw new Aborted();
    this.write(']');
  }

  /** Any other value: JSON, with lists given as (async) iterables written as arrays. */
  private async value(v: unknown): Promise<void> {
    if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      this.write(JSON.stringify(v) ?? 'null');
      return;
    }
    if (Array.isArray(v) || isIterable(v) || isAsyncIterable(v)) {
      this.write('[');
      let n = 0;
      const items: AsyncIterable<unknown> | Iterable<unknown> = v as Iterable<unknown>;
      for await (const x of items) {
        if (n++ > 0) this.write(',');
        await this.value(x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : x);
      }
      this.write(']');
      return;
    }
    this.write('{');
    let first = true;
    for (const [key, x] of Object.entries(v)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      this.write(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      await this.value(x);
    }
    this.write('}');
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
