/** The check-pr comment as a pure function: text from models cannot break its Markdown, and it fits GitHub. */
import { describe, expect, it } from 'vitest';
import { MARKER, MAX_BODY, renderComment, type CommentView } from '../../generator/pr/comment.ts';

const GOED: CommentView = {
  base: 'origin/main',
  lint: { ok: true, fouten: 0, waarschuwingen: 0, uitvoer: '' },
  check: { ok: true, output: 'generated', verouderd: [], uitvoer: '' },
  modellen: [],
};

describe('the check-pr comment', () => {
  it('starts with the marker, gives the verdict and says when no model changed', () => {
    const body = renderComment(GOED);
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).toContain('| `mimgen lint` | ✅ 0 error(s), 0 warning(s) |');
    expect(body).toContain('| `mimgen generate --check` | ✅ `generated/` is up to date |');
    expect(body).toContain('No model changed.');
    expect(body.endsWith('\n') && !body.endsWith('\n\n')).toBe(true);
    expect(renderComment(GOED)).toBe(body);
  });

  it('puts a diff under its own heading, two levels down, and says what it could not compare', () => {
    const body = renderComment({
      ...GOED,
      modellen: [
        { map: 'model/a', diff: '## Wijzigingen van A\n\n### Brekende wijzigingen\n\n- x\n' },
        { map: 'model/b', nieuw: true },
        { map: 'model/c', verwijderd: true },
        { map: 'model/d', fout: 'mimgen diff: revision main has no file or folder model/d' },
      ],
    });
    expect(body).toContain('#### Wijzigingen van A\n\n##### Brekende wijzigingen\n\n- x');
    expect(body).toContain('#### `model/b`\n\nA new model: `origin/main` has no earlier version');
    expect(body).toContain('#### `model/c`\n\nRemoved');
    expect(body).toContain('```text\nmimgen diff: revision main has no file or folder model/d\n```');
    expect(body).not.toContain('No model changed.');
  });

  it('keeps backticks in findings and file names inside their code block and code span', () => {
    const body = renderComment({
      ...GOED,
      lint: { ok: false, fouten: 1, waarschuwingen: 0, uitvoer: 'm.yaml:1:1  error  x  naam "a```b" ``` breekt' },
      check: { ok: false, output: 'generated', verouderd: ['generated/m/`raar`.md'], uitvoer: '' },
    });
    expect(body).toContain('````text\nm.yaml:1:1  error  x  naam "a```b" ``` breekt\n````');
    expect(body).toContain('- ``generated/m/`raar`.md``');
    expect(body).toContain('❌ 1 error(s)');
    expect(body).toContain('❌ 1 stale file(s)');
  });

  it('is cut, with a note and its code block closed, when it is longer than GitHub takes', () => {
    const uitvoer = Array.from(
      { length: 5000 },
      (_, i) => `model/m/x.yaml:${i + 1}:1  error  regel  een bevinding met wat tekst erbij`,
    ).join('\n');
    const body = renderComment({ ...GOED, lint: { ok: false, fouten: 5000, waarschuwingen: 0, uitvoer } });
    expect(body.length).toBeLessThan(MAX_BODY);
    expect(body).toMatch(/\n```\n\n\*The comment is cut here[^\n]*\*\n$/);
  });
});
