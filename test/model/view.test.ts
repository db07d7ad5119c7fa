/** The model view on a small model written as YAML text and loaded through the ordinary loader. */
import { describe, expect, it } from 'vitest';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { parseKardinaliteit } from '../../generator/model/resolve.ts';
import type { Informatiemodel, Objecttype } from '../../generator/model/types.ts';
import {
  bronKardinaliteit,
  isMeervoud,
  isOptioneel,
  isTerugNavigeerbaar,
  modelView,
  ONBEGRENSD,
  unsafeNaam,
} from '../../generator/model/view.ts';
import { memoryReader } from '../diff/helpers.ts';

// Client → Persoon → Subject: two levels of generalisatie; Zaak points at the supertype Subject.
const MODEL = `
informatiemodel: { id: t, naam: Test, versie: "1.0" }
objecttypen:
  - id: subject
    naam: Subject
    indicatieAbstractObject: true
    attribuutsoorten:
      - { id: subject.naam, naam: naam, type: AN200 }
    constraints:
      - { id: subject.c, naam: Naam gevuld, specificatie: De naam is niet leeg. }
  - id: persoon
    naam: Persoon
    supertypen: [Subject]
    attribuutsoorten:
      - { id: persoon.geboortedatum, naam: geboortedatum, type: Datum, kardinaliteit: "0..1" }
    gegevensgroepen:
      - { id: persoon.adres, naam: adres, type: Adres }
    constraints:
      - { id: persoon.c, naam: Geboren, specificatie: De geboortedatum ligt niet in de toekomst. }
  - id: client
    naam: Client
    supertypen: [Persoon]
    attribuutsoorten:
      - { id: client.geslacht, naam: geslacht, type: EnumGeslacht, kardinaliteit: "0..1" }
      - { id: client.telefoonnummers, naam: telefoonnummers, type: AN20, kardinaliteit: "0..*" }
  - id: zaak
    naam: Zaak
    attribuutsoorten:
      - { id: zaak.startdatum, naam: startdatum, type: Datum }
    relatiesoorten:
      - { id: zaak.betreft, naam: betreft, doel: Subject, rol: subject, kardinaliteit: "1", rolBron: zaken, kardinaliteitBron: "1..*", richting: bidirectioneel }
      - { id: zaak.behandelaar, naam: behandelaar, doel: Persoon, rol: behandelaar, kardinaliteit: "0..1" }
  - id: schuldzaak
    naam: Schuldzaak
    supertypen: [Zaak]
    relatiesoorten:
      - { id: schuldzaak.client, naam: voor, doel: Client, rol: client }
gegevensgroeptypen:
  - id: adres
    naam: Adres
    attribuutsoorten:
      - { id: adres.postcode, naam: postcode, type: AN6 }
enumeraties:
  - { id: enum-geslacht, naam: EnumGeslacht, waarden: [{ naam: Man }, { naam: Vrouw }, { naam: Onbekend }] }
primitieveDatatypes:
  - { id: an, naam: AN, basis: tekst, lengteInNaam: true }
  - { id: datum, naam: Datum, basis: datum, formaat: date }
`;

function laad(): Informatiemodel {
  const { model, findings } = loadInformatiemodel('model/t', memoryReader({ 'model/t/informatiemodel.yaml': MODEL }));
  const errors = findings.filter((f) => f.severity === 'error');
  if (!model || errors.length > 0)
    throw new Error(
      `the test model does not load:\n${errors.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`).join('\n')}`,
    );
  return model;
}

const im = laad();
const view = modelView(im);
const ot = (naam: string): Objecttype => im.objecttypen.find((o) => o.naam === naam)!;
const namen = (xs: readonly { naam: string }[]): string[] => xs.map((x) => x.naam);

describe('model view', () => {
  it('is made once per model', () => {
    expect(modelView(im)).toBe(view);
    expect(modelView(laad())).not.toBe(view);
  });

  it('follows generalisaties over two levels, nearest supertype first, and back down to the direct subtypen', () => {
    expect(namen(view.ancestors(ot('Client')))).toEqual(['Persoon', 'Subject']);
    expect(namen(view.ancestors(ot('Subject')))).toEqual([]);
    expect(namen(view.subtypen(ot('Subject')))).toEqual(['Persoon']);
    expect(namen(view.subtypen(ot('Persoon')))).toEqual(['Client']);
    expect(namen(view.subtypen(ot('Client')))).toEqual([]);
  });

  it('gives an objecttype its inherited attribuutsoorten first, from the furthest supertype', () => {
    expect(namen(view.attribuutsoortenOf(ot('Client')))).toEqual([
      'naam',
      'geboortedatum',
      'geslacht',
      'telefoonnummers',
    ]);
    expect(namen(view.attribuutsoortenOf(ot('Persoon')))).toEqual(['naam', 'geboortedatum']);
    expect(namen(view.attribuutsoortenOf(im.gegevensgroeptypen[0]!))).toEqual(['postcode']);
  });

  it('gives an objecttype its inherited gegevensgroepen, and finds every subtype below an objecttype', () => {
    expect(namen(view.gegevensgroepenOf(ot('Client')))).toEqual(['adres']);
    expect(namen(view.gegevensgroepenOf(ot('Subject')))).toEqual([]);
    expect(namen(view.descendants(ot('Subject')))).toEqual(['Persoon', 'Client']);
    expect(namen(view.descendants(ot('Persoon')))).toEqual(['Client']);
    expect(namen(view.descendants(ot('Client')))).toEqual([]);
  });

  it('gives own relatiesoorten and constraints before inherited ones', () => {
    expect(namen(view.relatiesoortenOf(ot('Schuldzaak')))).toEqual(['voor', 'betreft', 'behandelaar']);
    expect(namen(view.constraintsOf(ot('Client')))).toEqual(['Geboren', 'Naam gevuld']);
  });

  it('sees a relation to a supertype from the subtype only when asked for inherited ones', () => {
    expect(namen(view.incomingRelatiesoorten(ot('Subject')))).toEqual(['betreft']);
    expect(namen(view.incomingRelatiesoorten(ot('Client')))).toEqual(['voor']);
    // In the order of the model, not nearest first.
    expect(namen(view.incomingRelatiesoorten(ot('Client'), { inherited: true }))).toEqual([
      'betreft',
      'behandelaar',
      'voor',
    ]);
    expect(namen(view.incomingRelatiesoorten(ot('Zaak'), { inherited: true }))).toEqual([]);
  });

  it('finds where a datatype, an enumeratie and a gegevensgroeptype are used', () => {
    const usages = (naam: string) => {
      const d = [...view.datatypen, ...im.gegevensgroeptypen].find((x) => x.naam === naam)!;
      return view.usages(d).map((u) => `${u.eigenaar.naam}.${u.naam}`);
    };
    // AN200, AN20 and AN6 are all the primitive AN.
    expect(usages('AN')).toEqual(['Subject.naam', 'Client.telefoonnummers', 'Adres.postcode']);
    expect(usages('Datum')).toEqual(['Persoon.geboortedatum', 'Zaak.startdatum']);
    expect(usages('EnumGeslacht')).toEqual(['Client.geslacht']);
    expect(usages('Adres')).toEqual(['Persoon.adres']);
  });

  it('lists every attribuutsoort and relatiesoort of the model, and finds elements by id and datatypes by name', () => {
    expect(view.attribuutsoorten.map((a) => a.id)).toEqual([
      'subject.naam',
      'persoon.geboortedatum',
      'client.geslacht',
      'client.telefoonnummers',
      'zaak.startdatum',
      'adres.postcode',
    ]);
    expect(view.relatiesoorten.map((r) => r.id)).toEqual(['zaak.betreft', 'zaak.behandelaar', 'schuldzaak.client']);
    expect(view.element('zaak.betreft')).toBe(ot('Zaak').relatiesoorten[0]);
    expect(view.element('persoon.adres')).toBe(ot('Persoon').gegevensgroepen[0]);
    expect(view.element('enum-geslacht')?.naam).toBe('EnumGeslacht');
    expect(view.element('bestaat-niet')).toBeUndefined();
    expect(view.datatype('AN200')).toMatchObject({ naam: 'AN200', lengte: 200, datatype: { naam: 'AN' } });
    expect(view.datatype('Datum')?.lengte).toBeUndefined();
    expect(view.datatype('AN0')).toBeUndefined();
    expect(view.datatype('Onbekend')).toBeUndefined();
  });
});

describe('kardinaliteit', () => {
  const k = (tekst: string) => parseKardinaliteit(tekst)!;

  it('says whether a value is a list and whether it may be left out', () => {
    expect([k('1'), k('0..1'), k('1..*'), k('0..*'), k('2..5'), k('3')].map(isMeervoud)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    expect([k('1'), k('0..1'), k('1..*'), k('0..*')].map(isOptioneel)).toEqual([false, true, false, true]);
  });

  it('follows a relation back with the kardinaliteit at its bron, any number when the model states none', () => {
    const [betreft, behandelaar] = ot('Zaak').relatiesoorten;
    expect(isTerugNavigeerbaar(betreft!)).toBe(true);
    expect(isTerugNavigeerbaar(behandelaar!)).toBe(false);
    expect(bronKardinaliteit(betreft!).tekst).toBe('1..*');
    expect(bronKardinaliteit(behandelaar!)).toBe(ONBEGRENSD);
    expect(isMeervoud(ONBEGRENSD) && isOptioneel(ONBEGRENSD)).toBe(true);
  });
});

describe('name safety', () => {
  it('refuses names that would break a JavaScript object or a line; slashes are data (issue 15, item 5)', () => {
    expect(unsafeNaam('kvk-nummer')).toBeUndefined();
    expect(unsafeNaam('(Statutaire) Naam')).toBeUndefined();
    expect(unsafeNaam('__proto__')).toMatch(/reserved/);
    expect(unsafeNaam('..')).toMatch(/reserved/);
    expect(unsafeNaam('Deelplan/Veld')).toBeUndefined();
    expect(unsafeNaam('Rijbewijs /Certificaat')).toBeUndefined();
    expect(unsafeNaam('../x')).toBeUndefined();
    expect(unsafeNaam('a\\b')).toBeUndefined();
    expect(unsafeNaam(' naam')).toMatch(/white space/);
    expect(unsafeNaam('na\nam')).toMatch(/control character/);
  });
});
