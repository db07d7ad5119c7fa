/** The release rule of generator/release/ (issue 19, item 1): major, minor, patch, and one place down in 0.x. */
import { describe, expect, it } from 'vitest';
import { leesRelease } from '../../generator/cli/release-files.ts';
import type { Change } from '../../generator/diff/types.ts';
import type { SourceReader } from '../../generator/model/yaml-source.ts';
import { brekendVoorRelease, changelogMetEntry, soortRelease, volgendeVersie } from '../../generator/release/index.ts';

const change = (c: Partial<Change>): Change => ({
  path: '/x',
  kind: 'property-removed',
  breaksSenders: false,
  breaksReceivers: false,
  message: 'x',
  level: 'schema',
  ...c,
});

describe('the release rule', () => {
  it('bumps by kind from 1.0.0, and one place down before 1.0.0', () => {
    expect(['major', 'minor', 'patch'].map((s) => volgendeVersie('1.2.3', s as 'major'))).toEqual([
      '2.0.0',
      '1.3.0',
      '1.2.4',
    ]);
    expect(['major', 'minor', 'patch'].map((s) => volgendeVersie('0.9.3', s as 'major'))).toEqual([
      '0.10.0',
      '0.9.4',
      '0.9.4',
    ]);
    expect(() => volgendeVersie('1.0', 'patch')).toThrow('not a semver');
  });

  it('classifies: breaking is major, other model changes minor, output alone patch, nothing none', () => {
    expect(soortRelease([change({ breaksSenders: true })], [])).toBe('major');
    expect(soortRelease([change({ breaksReceivers: true, kind: 'enum-value-added' })], [])).toBe('major');
    expect(soortRelease([change({ kind: 'description-changed' })], ['a'])).toBe('minor');
    expect(soortRelease([], ['generated/x/README.md'])).toBe('patch');
    expect(soortRelease([], [])).toBeUndefined();
  });

  it('an optional field added to a closed object breaks receivers, and is no major release', () => {
    const optioneel = change({
      kind: 'property-added',
      breaksReceivers: true,
      message: 'veld "p" toegevoegd (optioneel): AN40',
    });
    expect(brekendVoorRelease(optioneel)).toBe(false);
    expect(soortRelease([change({ level: 'model', breaksReceivers: true, details: [optioneel] })], [])).toBe('minor');
    const verplicht = change({
      kind: 'property-added',
      breaksSenders: true,
      breaksReceivers: true,
      message: 'veld "t" toegevoegd (verplicht)',
    });
    expect(brekendVoorRelease(verplicht)).toBe(true);
  });

  it('puts a new entry on top of the CHANGELOG', () => {
    const een = changelogMetEntry(undefined, '@t/x', '## 1.0.0\n\nEerste release.\n');
    const twee = changelogMetEntry(een, '@t/x', '## 1.0.1\n\nPatch.\n');
    expect([...twee.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['1.0.1', '1.0.0']);
    expect(twee.startsWith('# Changelog @t/x\n')).toBe(true);
  });
});

describe('release.json (rule release-file)', () => {
  const lees = (text: string | undefined) =>
    leesRelease('model/boek', {
      read: (path: string) =>
        path === 'model/boek/release.json' && text !== undefined ? new TextEncoder().encode(text) : undefined,
    } as SourceReader);
  const plek = (text: string): string => {
    const [f] = lees(text).findings;
    return f ? `${f.line}:${f.column} ${f.rule} ${f.message}` : 'none';
  };

  it('reads the version, or none without the file', () => {
    expect(lees('{ "versie": "1.2.3" }\n')).toEqual({ state: { versie: '1.2.3' }, findings: [] });
    expect(lees(undefined)).toEqual({ state: {}, findings: [] });
  });

  it('says where a bad release.json is wrong, under its own rule', () => {
    expect(plek('{\n  "versie": "1.0"\n}\n')).toMatch(
      /^2:13 release-file "versie" must be a semver version x\.y\.z, not "1\.0"/,
    );
    expect(plek('{\n  "versie": 2\n}\n')).toMatch(/^2:13 release-file "versie" must be a semver/);
    expect(plek('{\n  "versie": "1.0.0",\n}\n')).toMatch(/^3:1 release-file release\.json is not JSON/);
    expect(plek('{ "version": "1.0.0" }')).toMatch(/^1:3 release-file unknown key "version"/);
    expect(plek('["1.0.0"]')).toMatch(/^1:1 release-file release\.json must be an object/);
    expect(plek('{}')).toMatch(/^1:1 release-file release\.json has no "versie"/);
  });
});
