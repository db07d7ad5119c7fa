/**
 * The diff as text for a terminal, as a Markdown changelog section, and as JSON. Pure functions of the result.
 */
import { isBreaking, type Change, type DiffResult } from './types.ts';
import { mdCodeSpan, mdText } from '../common/markdown.ts';

export function wieBreekt(c: Pick<Change, 'breaksSenders' | 'breaksReceivers' | 'vorm'>): string {
  const strict = c.vorm === 'strict' ? ' (alleen in het strikte schema)' : '';
  if (c.breaksSenders && c.breaksReceivers) return `breekt verzenders en ontvangers${strict}`;
  if (c.breaksSenders) return `breekt verzenders${strict}`;
  if (c.breaksReceivers) return `breekt ontvangers${strict}`;
  return 'breekt niemand';
}

function shownPath(path: string): string {
  return path === '' ? '(bericht)' : path;
}

export function samenvatting(r: DiffResult): string {
  const brekend = r.changes.filter(isBreaking);
  const s = r.changes.filter((c) => c.breaksSenders).length;
  const o = r.changes.filter((c) => c.breaksReceivers).length;
  if (r.changes.length === 0) return 'geen wijzigingen';
  return `${r.changes.length} wijziging(en): ${brekend.length} brekend (${s} voor verzenders, ${o} voor ontvangers), ${r.changes.length - brekend.length} niet brekend`;
}

/** One change a line, with the schema changes that classify it indented below it. */
export function renderText(r: DiffResult): string {
  const lines = [`${r.oud} → ${r.nieuw}: ${samenvatting(r)}`];
  for (const c of r.changes) {
    lines.push(
      `${isBreaking(c) ? 'BREEKT' : 'ok    '}  ${shownPath(c.path)}  ${c.kind}  ${c.message}  [${wieBreekt(c)}]`,
    );
    for (const d of c.details ?? [])
      lines.push(`          ${shownPath(d.path)}  ${d.kind}  ${d.message}  [${wieBreekt(d)}]`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderJson(r: DiffResult): string {
  const een = (c: Change): unknown => ({
    path: c.path,
    kind: c.kind,
    breaksSenders: c.breaksSenders,
    breaksReceivers: c.breaksReceivers,
    message: c.message,
    level: c.level,
    ...(c.vorm ? { vorm: c.vorm } : {}),
    ...(c.details ? { details: c.details.map(een) } : {}),
  });
  return `${JSON.stringify({ changes: r.changes.map(een) }, null, 2)}\n`;
}

export interface MarkdownOptions {
  /** Heading level of the section (2: `##`); the groups get one level more. */
  niveau?: number;
  /** The section's title; by default "Wijzigingen van <oud> naar <nieuw>". */
  titel?: string;
}

/** A changelog section: the breaking changes first, then the rest, each with whom it breaks. */
export function renderMarkdown(r: DiffResult, options: MarkdownOptions = {}): string {
  const n = options.niveau ?? 2;
  const h = (k: number): string => '#'.repeat(Math.min(6, k));
  const out: string[] = [`${h(n)} ${options.titel ?? `Wijzigingen van ${mdText(r.oud)} naar ${mdText(r.nieuw)}`}`, ''];
  if (r.changes.length === 0) {
    out.push('Geen wijzigingen.', '');
    return out.join('\n');
  }
  out.push(
    `${mdText(samenvatting(r))}. Een wijziging *breekt verzenders* als een bericht dat eerst geldig was nu geweigerd kan worden, en *breekt ontvangers* als een bericht dat nu geldig is door het oude schema geweigerd kan worden.`,
    '',
  );
  const item = (c: Change): string[] => {
    const wie = isBreaking(c) ? ` (**${wieBreekt(c)}**)` : '';
    const lines = [`- ${mdCodeSpan(shownPath(c.path))}: ${mdText(c.message)}${wie}`];
    for (const d of c.details ?? [])
      lines.push(
        `  - ${mdCodeSpan(shownPath(d.path))}: ${mdText(d.message)}${isBreaking(d) ? ` (${wieBreekt(d)})` : ''}`,
      );
    return lines;
  };
  const brekend = r.changes.filter(isBreaking);
  const rest = r.changes.filter((c) => !isBreaking(c));
  if (brekend.length > 0) out.push(`${h(n + 1)} Brekende wijzigingen`, '', ...brekend.flatMap(item), '');
  if (rest.length > 0) out.push(`${h(n + 1)} Niet-brekende wijzigingen`, '', ...rest.flatMap(item), '');
  return out.join('\n');
}
