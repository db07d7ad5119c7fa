/**
 * The one comment of `mimgen check-pr` on a pull request, through GitHub's REST API (Node's own fetch):
 * the pull request's issue comments are read page by page, the comment that starts with the marker is
 * updated, and only when there is none a new one is made. Every failure is a GithubFout with the request,
 * the HTTP status and GitHub's message, for the command to report without a stack trace.
 */

export interface GithubDoel {
  /** GITHUB_API_URL, such as https://api.github.com (GitHub Enterprise has its own). */
  api: string;
  token: string;
  /** owner/name, as GITHUB_REPOSITORY has it. */
  repo: string;
  pr: number;
}

export class GithubFout extends Error {
  constructor(
    readonly methode: string,
    readonly pad: string,
    /** The HTTP status; 0 when no answer came. */
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Geplaatst {
  actie: 'geplaatst' | 'bijgewerkt';
  id: number;
  url?: string;
}

/** At 100 comments a page: a pull request with more than 10,000 comments is not read to the end. */
const MAX_PAGINAS = 100;
const TIMEOUT_MS = 30_000;

/** Updates the comment whose body starts with `marker`, or posts `body` as a new one. */
export async function plaatsOfWerkBij(doel: GithubDoel, marker: string, body: string): Promise<Geplaatst> {
  const basis = doel.api.replace(/\/+$/, '');
  const bestaand = await zoekComment(doel, basis, marker);
  const antwoord = bestaand
    ? await verzoek(doel, 'PATCH', `${basis}/repos/${doel.repo}/issues/comments/${bestaand}`, { body })
    : await verzoek(doel, 'POST', `${basis}/repos/${doel.repo}/issues/${doel.pr}/comments`, { body });
  const c = antwoord.json as { id?: unknown; html_url?: unknown } | undefined;
  const id = typeof c?.id === 'number' ? c.id : (bestaand ?? 0);
  return {
    actie: bestaand ? 'bijgewerkt' : 'geplaatst',
    id,
    ...(typeof c?.html_url === 'string' ? { url: c.html_url } : {}),
  };
}

/** The id of the first comment that starts with the marker (a quote of it in a reply starts with `>`). */
async function zoekComment(doel: GithubDoel, basis: string, marker: string): Promise<number | undefined> {
  let url: string | undefined = `${basis}/repos/${doel.repo}/issues/${doel.pr}/comments?per_page=100`;
  const gezien = new Set<string>();
  for (let pagina = 0; url !== undefined && pagina < MAX_PAGINAS; pagina++) {
    gezien.add(url);
    const antwoord = await verzoek(doel, 'GET', url);
    if (!Array.isArray(antwoord.json))
      throw new GithubFout('GET', pad(url), 200, 'the answer is not a list of comments');
    for (const c of antwoord.json as { id?: unknown; body?: unknown }[]) {
      if (typeof c.id === 'number' && typeof c.body === 'string' && c.body.trimStart().startsWith(marker)) return c.id;
    }
    url = volgende(antwoord.link, basis);
    if (url !== undefined && gezien.has(url)) break;
  }
  return undefined;
}

/**
 * The `rel="next"` address of a Link header. Only on the API's own origin: the token goes with every
 * request, and a link elsewhere is not followed.
 */
function volgende(link: string | null, basis: string): string | undefined {
  if (!link) return undefined;
  for (const deel of link.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(deel);
    if (!m || !/\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(m[2]!)) continue;
    let url: URL;
    try {
      url = new URL(m[1]!, `${basis}/`);
    } catch {
      return undefined;
    }
    if (url.origin !== new URL(basis).origin)
      throw new GithubFout(
        'GET',
        url.href,
        0,
        `the next page is on another host (${url.origin}); the token is not sent there`,
      );
    return url.href;
  }
  return undefined;
}

async function verzoek(
  doel: GithubDoel,
  methode: string,
  url: string,
  body?: unknown,
): Promise<{ json: unknown; link: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: methode,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${doel.token}`,
        'user-agent': 'mimgen-check-pr',
        'x-github-api-version': '2022-11-28',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const oorzaak =
      (e as Error).name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : ((e as { cause?: Error }).cause?.message ?? (e as Error).message);
    throw new GithubFout(methode, pad(url), 0, oorzaak);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new GithubFout(methode, pad(url), res.status, foutmelding(res, text));
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new GithubFout(methode, pad(url), res.status, 'the answer is not JSON');
  }
  return { json, link: res.headers.get('link') };
}

/** GitHub's own message, and what to do about the usual causes. */
function foutmelding(res: Response, text: string): string {
  let message = res.statusText || 'no message';
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof m === 'string' && m !== '') message = m;
  } catch {
    if (text.trim() !== '') message = text.trim().slice(0, 200);
  }
  if (res.status === 401) return `${message}; GITHUB_TOKEN is not a valid token`;
  if (res.status === 403 || res.status === 404) {
    return `${message}; the token may not comment on this pull request: give the workflow "permissions: pull-requests: write, issues: write" (a pull request from a fork gets a read-only token)`;
  }
  return message;
}

/** The request's path, for messages: never the host's credentials, never a query's secrets. */
function pad(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
