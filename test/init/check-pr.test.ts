/**
 * `mimgen check-pr`, the steps of the pull-request workflow, on a real git repository made by `mimgen init`:
 * a base commit with a model and its generated output, a pull-request branch that changes the model
 * (an enumeratie value removed, a field made required) with regenerated output. The comment body, the one
 * comment that later runs update, the verdict on a stale generated/ and on lint findings, and the exit codes.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, git, mimgen, mimgenAsync, noStack, removeTemps, tempDir } from './support.ts';

const MARKER = '<!-- mimgen:check-pr -->';
const OWNER_REPO = 'gemeente/bibliotheek-standaard';
const PR = 7;

/**
 * A stand-in for GitHub's REST API on 127.0.0.1: the only stub of these tests, at the outermost edge (the
 * network). It implements what check-pr uses: listing a pull request's issue comments, paged with a Link
 * header (two to a page, whatever per_page asks, so that paging is exercised), creating one and updating one.
 */
class GithubStandIn {
  comments: { id: number; body: string; user: { login: string } }[] = [];
  requests: { method: string; path: string; authorization?: string }[] = [];
  /** When set, every request is answered with this status and message. */
  failure?: { status: number; message: string };
  private nextId = 100;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  reset(): void {
    this.requests = [];
    this.failure = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.failure)
      return send(this.failure.status, {
        message: this.failure.message,
        documentation_url: 'https://docs.github.com/rest',
      });
    if (req.headers.authorization !== 'Bearer geheim-token') return send(401, { message: 'Bad credentials' });
    const lijst = new RegExp(`^/repos/${OWNER_REPO}/issues/${PR}/comments$`);
    const een = new RegExp(`^/repos/${OWNER_REPO}/issues/comments/(\\d+)$`);
    if (req.method === 'GET' && lijst.test(url.pathname)) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const per = 2;
      const last = Math.max(1, Math.ceil(this.comments.length / per));
      const links: Record<string, string> =
        page < last
          ? {
              link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=100&page=${last}>; rel="last"`,
            }
          : {};
      return send(200, this.comments.slice((page - 1) * per, page * per), links);
    }
    if (req.method === 'POST' && lijst.test(url.pathname)) {
      const comment = {
        id: this.nextId++,
        body: (JSON.parse(text) as { body: string }).body,
        user: { login: 'github-actions[bot]' },
      };
      this.comments.push(comment);
      return send(201, {
        ...comment,
        html_url: `https://github.com/${OWNER_REPO}/pull/${PR}#issuecomment-${comment.id}`,
      });
    }
    const m = een.exec(url.pathname);
    if (req.method === 'PATCH' && m) {
      const comment = this.comments.find((c) => c.id === Number(m[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = (JSON.parse(text) as { body: string }).body;
      return send(200, comment);
    }
    return send(404, { message: 'Not Found' });
  }
}

let repo: string;
let event: string;
const github = new GithubStandIn();

function checkPr(args: string[] = ['--base', 'main']): ReturnType<typeof mimgenAsync> {
  return mimgenAsync(['check-pr', ...args], repo, {
    GITHUB_TOKEN: 'geheim-token',
    GITHUB_REPOSITORY: OWNER_REPO,
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: github.url,
  });
}

function markerComments(): { id: number; body: string }[] {
  return github.comments.filter((c) => c.body.startsWith(MARKER));
}

function bewerk(file: string, van: string | RegExp, naar: string): void {
  const path = join(repo, file);
  const oud = readFileSync(path, 'utf8');
  const nieuw = oud.replace(van, naar);
  if (nieuw === oud) throw new Error(`${file}: ${String(van)} not found`);
  writeFileSync(path, nieuw);
}

beforeAll(async () => {
  assertBuilt();
  await github.start();
  const werk = tempDir('mimgen-check-pr-');
  repo = join(werk, 'standaard');
  expect(mimgen(['init', repo, '--model', 'bibliotheek', '--scope', '@gemeente'], werk).status).toBe(0);
  expect(mimgen(['generate'], repo).status).toBe(0);
  git(['init', '-q', '-b', 'main'], repo);
  git(['add', '.'], repo);
  git(['commit', '-q', '-m', 'mimgen init'], repo);

  // The pull request: an enumeratie value removed and a field of the message made required, regenerated.
  git(['checkout', '-q', '-b', 'wijziging'], repo);
  bewerk('model/bibliotheek/informatiemodel.yaml', /^.*naam: Afgehandeld.*\n/m, '');
  bewerk('model/bibliotheek/uitwisselmodel.yaml', /- naam: spoed\n/, '- naam: spoed\n          verplicht: true\n');
  const gen = mimgen(['generate'], repo);
  expect(gen.status, gen.stderr).toBe(0);
  git(['commit', '-q', '-am', 'Afgehandeld vervalt, spoed verplicht'], repo);

  event = join(werk, 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', pull_request: { number: PR } }));
  // Comments of others on the pull request, so that check-pr's comment lands on a later page.
  github.comments.push(
    { id: 1, body: 'Graag een review.', user: { login: 'beheerder' } },
    { id: 2, body: `> ${MARKER}\n> quoted, not ours`, user: { login: 'beheerder' } },
    { id: 3, body: 'Ziet er goed uit.', user: { login: 'collega' } },
  );
}, 120_000);

afterAll(async () => {
  await github.stop();
  removeTemps();
});

beforeEach(() => github.reset());

describe('mimgen check-pr', () => {
  it('passes, and posts one comment with the marker, the verdict and the diff of the changed model with its breaking change', async () => {
    const r = await checkPr();
    expect(r.status, r.stderr).toBe(0);
    const body = r.stdout;
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).toMatch(/`mimgen lint` \| ✅/);
    expect(body).toMatch(/`mimgen generate --check` \| ✅/);
    expect(body).toContain('### Models changed since `main`');
    expect(body).toContain('(main:model/bibliotheek) naar Bibliotheek');
    expect(body).toMatch(/#### Brekende wijzigingen[\s\S]*EnumStatus\.Afgehandeld[\s\S]*breekt verzenders/);
    expect(body).toMatch(/spoed[^\n]*verplicht|verplicht[^\n]*spoed/);

    const ours = markerComments();
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(body);
    expect(github.requests.map((q) => q.method)).toEqual(['GET', 'GET', 'POST']);
    expect(github.requests.every((q) => q.authorization === 'Bearer geheim-token')).toBe(true);
    expect(r.stderr).toContain(`posted the comment on pull request #${PR}`);
  });

  it('a second run updates that comment (PATCH) instead of adding one', async () => {
    const id = markerComments()[0]!.id;
    const r = await checkPr();
    expect(r.status, r.stderr).toBe(0);
    expect(markerComments()).toEqual([expect.objectContaining({ id })]);
    expect(github.comments).toHaveLength(4);
    expect(github.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/repos/${OWNER_REPO}/issues/comments/${id}`,
    });
    expect(github.requests.filter((q) => q.method === 'POST')).toEqual([]);
    expect(r.stderr).toContain('updated the comment');
  });

  it('a model changed without regenerating: exit 1, and the comment lists the stale files', async () => {
    bewerk(
      'model/bibliotheek/informatiemodel.yaml',
      'definitie: Een korte omschrijving van de melding.',
      'definitie: Een korte beschrijving van de melding.',
    );
    try {
      const r = await checkPr();
      expect(r.status, r.stderr).toBe(1);
      const ours = markerComments();
      expect(ours).toHaveLength(1);
      expect(ours[0]!.body).toMatch(/`mimgen generate --check` \| ❌ \d+ stale file\(s\)/);
      expect(ours[0]!.body).toContain('### Stale files');
      expect(ours[0]!.body).toContain('- `generated/bibliotheek/docs/definities.md`');
      expect(ours[0]!.body).toContain('run `npm run generate` and commit the result');
      expect(github.requests.at(-1)?.method).toBe('PATCH');
    } finally {
      git(['checkout', '-q', '--', 'model'], repo);
    }
  });

  it('a lint finding: exit 1, and the comment has the finding at its line', async () => {
    bewerk('model/bibliotheek/informatiemodel.yaml', 'type: Boolean', 'type: Booleaan');
    try {
      const r = await checkPr();
      expect(r.status, r.stderr).toBe(1);
      const body = markerComments()[0]!.body;
      expect(body).toMatch(/`mimgen lint` \| ❌ [1-9]\d* error\(s\)/);
      expect(body).toMatch(/model\/bibliotheek\/informatiemodel\.yaml:\d+:\d+ {2}error {2}\S+ {2}.*Booleaan/);
    } finally {
      git(['checkout', '-q', '--', 'model'], repo);
    }
  });

  it('a new model is named as new; a change to a shared file compares every model', () => {
    cpSync(join(repo, 'model', 'bibliotheek'), join(repo, 'model', 'tweede'), { recursive: true });
    bewerk('model/tweede/informatiemodel.yaml', /^  naam: .*$/m, '  naam: Tweede');
    bewerk(
      'model/gedeeld/datatypes.yaml',
      'definitie: Ja (true) of nee (false).',
      'definitie: Waar (true) of onwaar (false).',
    );
    try {
      const r = mimgen(['check-pr', '--base', 'main'], repo);
      // tweede has no generated package yet: stale.
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain(
        '#### `model/tweede`\n\nA new model: `main` has no earlier version to compare it with.',
      );
      expect(r.stdout).toContain('(main:model/bibliotheek) naar Bibliotheek');
      expect(r.stdout).toContain('- `generated/tweede/package.json`');
    } finally {
      rmSync(join(repo, 'model', 'tweede'), { recursive: true });
      git(['checkout', '-q', '--', 'model'], repo);
    }
  });

  it('a base that is not a revision: exit 2 with a clear message, and no comment', async () => {
    const voor = JSON.stringify(github.comments);
    for (const base of ['no-such-branch', '--all']) {
      const r = await checkPr(['--base', base]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not a git revision|unknown git revision "no-such-branch"/);
      expect(noStack(r.stderr)).toBe(true);
    }
    expect(github.requests).toEqual([]);
    expect(JSON.stringify(github.comments)).toBe(voor);
  });

  it('outside a git repository: exit 2 with a clear message', async () => {
    const elders = tempDir('mimgen-check-pr-geen-git-');
    const r = mimgen(['check-pr', '--base', 'main'], elders);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not in a git repository');
    expect(noStack(r.stderr)).toBe(true);
  });

  it("a refused API call: its own exit code (3), the status and GitHub's message, no stack trace; the body is still printed", async () => {
    github.failure = { status: 403, message: 'Resource not accessible by integration' };
    const r = await checkPr();
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(
      `GitHub API GET /repos/${OWNER_REPO}/issues/${PR}/comments failed: HTTP 403: Resource not accessible by integration`,
    );
    expect(r.stderr).toContain('pull-requests: write');
    expect(noStack(r.stderr)).toBe(true);
    expect(r.stdout.startsWith(MARKER)).toBe(true);
  });

  it("without a pull request (a run on a maintainer's machine) it only prints the body", () => {
    const r = mimgen(['check-pr', '--base', 'main'], repo);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith(MARKER)).toBe(true);
    expect(r.stderr).toContain('only printed');
    expect(github.requests).toEqual([]);
  });
});
