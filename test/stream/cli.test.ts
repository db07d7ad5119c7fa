/** `mimgen validate`: exit codes, the text and JSON output, no progress bar when stderr is not a terminal. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'mimgen-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mimgen(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mimgen.js'), 'validate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const geldig = {
  startdatumLevering: '2025-01-01',
  einddatumLevering: '2025-03-31',
  aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
  codeGegevensleverancier: 'LEV01',
  leveringen: [
    {
      teller: 1,
      aanleverende_organisatie: { '(Statutaire) Naam': 'Kredietbank' },
      schuldhulptrajecten: [{ gemeentecode: '0363', startdatum: '2025-01-10', einddatum: '2025-03-01' }],
    },
  ],
};

describe('mimgen validate', () => {
  it('exit 0 for a valid delivery, nothing on stdout, a summary on stderr', () => {
    const pad = join(dir, 'geldig.json');
    writeFileSync(pad, JSON.stringify(geldig, null, 2));
    const r = mimgen('--model', 'schuldhulpverlening', pad);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/is valid \(1 records/);
    expect(r.stderr).not.toMatch(/\r|\u001b\[/);
    const json = mimgen('--model', 'schuldhulpverlening', pad, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, errors: [] });
  });

  it('exit 1 with every error as file:line:column pointer message, or as JSON', () => {
    const pad = join(dir, 'ongeldig.json');
    const doc = structuredClone(geldig);
    doc.leveringen[0]!.schuldhulptrajecten[0]!.einddatum = '2024-01-01';
    writeFileSync(pad, JSON.stringify(doc, null, 2));
    const r = mimgen('--model', 'schuldhulpverlening', pad);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `${pad}:16:24  /leveringen/0/schuldhulptrajecten/0/einddatum  Schuldhulptraject: einddatum (2024-01-01) ligt voor startdatum (2025-01-10); De einddatum van het schuldhulptraject ligt niet vóór de startdatum.\n`,
    );
    const json = mimgen('--model', 'schuldhulpverlening', pad, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      valid: false,
      errors: [
        {
          path: '/leveringen/0/schuldhulptrajecten/0/einddatum',
          line: 16,
          column: 24,
          message: expect.stringContaining('ligt voor startdatum'),
        },
      ],
    });
  });

  it('--max-errors stops early; exit 1 for a file that is not JSON', () => {
    const pad = join(dir, 'veel.json');
    const doc = structuredClone(geldig) as { leveringen: { schuldhulptrajecten: unknown[] }[] };
    doc.leveringen[0]!.schuldhulptrajecten = Array.from({ length: 20 }, () => ({ gemeentecode: 5 }));
    writeFileSync(pad, JSON.stringify(doc));
    const r = mimgen('--model', 'schuldhulpverlening', pad, '--max-errors', '3', '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors).toHaveLength(3);
    expect(r.stderr).toMatch(/stopped after 3 \(--max-errors\)/);
    const tekst = join(dir, 'tekst.json');
    writeFileSync(tekst, 'dit is geen JSON');
    expect(mimgen('--model', 'schuldhulpverlening', tekst).status).toBe(1);
  });

  it('exit 2 for a file that cannot be read, an unknown model, a bad option: the message names the problem', () => {
    const pad = join(dir, 'geldig.json');
    writeFileSync(pad, '{}');
    const gevallen: [string[], string][] = [
      [
        ['--model', 'schuldhulpverlening', join(dir, 'bestaat-niet.json')],
        `mimgen validate: cannot read ${join(dir, 'bestaat-niet.json')}: ENOENT`,
      ],
      [['--model', 'schuldhulpverlening', dir], `mimgen validate: cannot read ${dir}: not a file`],
      [
        ['--model', 'bestaat-niet', pad],
        'mimgen validate: no generated package for model "bestaat-niet" (generated/bestaat-niet/dist/index.js); run mimgen generate bestaat-niet',
      ],
      [['--model', '../generated', pad], 'mimgen validate: "../generated" is not a model name'],
      [[pad], "error: required option '--model <name>' not specified"],
      [
        ['--model', 'schuldhulpverlening', pad, '--max-errors', 'veel'],
        'mimgen validate: --max-errors takes a whole number from 1, not "veel"',
      ],
    ];
    for (const [args, melding] of gevallen) {
      const r = mimgen(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(melding);
      expect(r.stderr).not.toContain('internal error');
    }
  });
});
