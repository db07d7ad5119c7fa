/**
 * The body of the one pull-request comment `mimgen check-pr` posts and then keeps up to date: the marker
 * that finds it again, the verdict of lint and generate --check, and the diff of every changed model. Text
 * in templates/pr/comment.md.hbs; a pure function of what the checks found.
 */
import { textTemplate } from '../common/tool-files.ts';
import Handlebars from 'handlebars';
import { mdCodeSpan } from '../common/markdown.ts';

/** The hidden first line by which check-pr finds its own comment among the pull request's comments. */
export const MARKER = '<!-- mimgen:check-pr -->';

/** GitHub refuses a comment body of more than 65,536 characters. */
export const MAX_BODY = 65_536;

export interface LintUitkomst {
  ok: boolean;
  fouten: number;
  waarschuwingen: number;
  /** What lint printed, when it is not a plain count (the findings, or why it could not run). */
  uitvoer: string;
}

export interface CheckUitkomst {
  ok: boolean;
  /** The output folder, as the config names it. */
  output: string;
  verouderd: string[];
  /** What generate --check printed besides the stale files (the errors that kept it from generating). */
  uitvoer: string;
}

export interface ModelSectie {
  /** The model folder, as in the repository (model/<name>). */
  map: string;
  /** The Markdown of mimgen diff, when it ran. */
  diff?: string;
  nieuw?: boolean;
  verwijderd?: boolean;
  /** Why the diff did not run. */
  fout?: string;
}

export interface CommentView {
  base: string;
  lint: LintUitkomst;
  check: CheckUitkomst;
  modellen: ModelSectie[];
}

const hb = Handlebars.create();
hb.registerHelper('code', (value: string) => mdCodeSpan(value));
hb.registerHelper('map', (value: string) => mdCodeSpan(`${value}/`));
/** A fenced code block that no line of the text can close early. */
hb.registerHelper('codeblok', (value: string) => {
  const langste = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(langste + 1);
  return `${fence}text\n${value.replace(/\n+$/, '')}\n${fence}`;
});
const TEMPLATE = textTemplate('pr/comment.md.hbs', hb);

/** The comment's Markdown, ending in one newline. */
export function renderComment(view: CommentView): string {
  const modellen = view.modellen.map((m) => ({
    nieuw: false,
    verwijderd: false,
    diff: '',
    fout: '',
    ...m,
    ...(m.diff !== undefined ? { diff: ondergeschikt(m.diff) } : {}),
  }));
  const body = TEMPLATE({ ...view, marker: MARKER, modellen })
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
  return `${inkorten(body)}\n`;
}

/** Headings of a diff two levels down, under the comment's own: `## Wijzigingen` becomes `#### Wijzigingen`. */
function ondergeschikt(markdown: string): string {
  let inCode = false;
  return markdown
    .trimEnd()
    .split('\n')
    .map((regel) => {
      if (/^(```|~~~)/.test(regel)) inCode = !inCode;
      return !inCode && /^#{1,4} /.test(regel) ? `##${regel}` : regel;
    })
    .join('\n');
}

/**
 * A body longer than GitHub takes is cut at a line, with a note (the whole text is in the job's log). The
 * cut leaves room for the note and for the fence that closes a code block it falls in.
 */
function inkorten(body: string): string {
  if (body.length < MAX_BODY) return body;
  const note = '*The comment is cut here: it is longer than GitHub takes. The whole text is in the log of the check.*';
  const langsteFence = Math.max(3, ...[...body.matchAll(/^`{3,}/gm)].map((m) => m[0].length));
  const ruimte = MAX_BODY - note.length - langsteFence - 8;
  let cut = body.lastIndexOf('\n', ruimte);
  if (cut < 0) cut = ruimte;
  // A code block left open would swallow the note: close it with its own fence.
  let open: string | undefined;
  for (const m of body.slice(0, cut).matchAll(/^(`{3,})(.*)$/gm)) {
    if (open === undefined) open = m[1];
    else if (m[1]!.length >= open.length && m[2]!.trim() === '') open = undefined;
  }
  return `${body.slice(0, cut)}${open ? `\n${open}` : ''}\n\n${note}`;
}
