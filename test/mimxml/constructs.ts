/**
 * A small model with every construct of the model format, and the shared pakket it uses: for the MIM-XML round
 * trip (constructs.test.ts) and the fuzz test (fuzz.test.ts).
 */

export const CONSTRUCTS = `
informatiemodel:
  id: t
  naam: Test
  versie: "1.0"
  mimVersie: "1.2"
  basisUri: https://example.org/id/t
  definitie: "Een <b>testmodel</b> &amp; meer, met \\"aanhalingstekens\\" en 'apostrofs'."
  toelichting: "Regel een\\nregel twee\\r\\nregel drie\\ttab ]]> einde"
  herkomst: Gebouwd in de test
  gebruikt: [../gedeeld/gedeeld.yaml]
objecttypen:
  - id: subject
    naam: Subject
    indicatieAbstractObject: true
    definitie: Iemand of iets waarover een zaak gaat.
    alias: Onderwerp
    datumOpname: "2024-01-01"
    attribuutsoorten:
      - { id: subject.nummer, naam: nummer, type: AN10, identificerend: true, authentiek: Authentiek }
      - { id: subject.naam, naam: naam, type: AN20, lengte: 15, patroon: "Hoofdletter eerst", indicatieMaterieleHistorie: true, indicatieFormeleHistorie: true }
  - id: persoon
    naam: Persoon
    supertypen: [Subject]
    herkomst: BRP
    herkomstDefinitie: Wet BRP
    attribuutsoorten:
      - { id: persoon.bsn, naam: bsn, type: AN9, kardinaliteit: "0..1", formeelPatroon: "^[0-9]{9}$" }
      - { id: persoon.overlijdensdatum, naam: overlijdensdatum, type: Datum, mogelijkGeenWaarde: true, kardinaliteit: "0..1" }
      - { id: persoon.gehuwd, naam: gehuwd, type: Boolean, kardinaliteit: "0..1" }
      - { id: persoon.partnernaam, naam: partnernaam, type: AN20, kardinaliteit: "0..1" }
    gegevensgroepen:
      - { id: persoon.adres, naam: adres, type: Adres, kardinaliteit: "0..1", indicatieMaterieleHistorie: true }
    constraints:
      - id: persoon.partner
        naam: partner bij huwelijk
        specificatie: Een gehuwde persoon heeft een partnernaam.
        regel: { soort: voorwaarde, als: gehuwd, waarde: true, vereist: partnernaam }
  - id: zaak
    naam: Zaak
    attribuutsoorten:
      - { id: zaak.startdatum, naam: startdatum, type: Datum }
      - { id: zaak.einddatum, naam: einddatum, type: Datum, kardinaliteit: "0..1" }
      - { id: zaak.kleur, naam: kleur, type: EnumKleur, kardinaliteit: "0..1" }
      - { id: zaak.land, naam: land, type: Landen, kardinaliteit: "0..1" }
      - { id: zaak.bedrag, naam: bedrag, type: Geldbedrag, kardinaliteit: "0..1" }
      - { id: zaak.contact, naam: contact, type: Contact, kardinaliteit: "0..1" }
      - { id: zaak.score, naam: score, type: Score, kardinaliteit: "0..*" }
      - { id: zaak.gemeente, naam: gemeente, type: Gemeentecode, kardinaliteit: "0..1" }
    relatiesoorten:
      - { id: zaak.betreft, naam: betreft, doel: Subject, rol: betreft, kardinaliteit: "1", authentiek: Overig }
      - { id: zaak.documenten, naam: bevat, doel: Document, rol: documenten, kardinaliteit: "0..*", aggregatie: compositie }
      - { id: zaak.behandelaar, naam: behandeld door, doel: Persoon, rol: behandelaar, kardinaliteit: "0..1", rolBron: behandelt, kardinaliteitBron: "1..*", richting: bidirectioneel, mogelijkGeenWaarde: true }
      - { id: zaak.bijlagen, naam: verwijst naar, doel: Document, kardinaliteit: "0..2", aggregatie: gedeeld, indicatieFormeleHistorie: true }
    constraints:
      - id: zaak.volgorde
        naam: einde niet voor begin
        specificatie: De einddatum ligt niet voor de startdatum.
        regel: { soort: datumvolgorde, vroegste: startdatum, laatste: einddatum }
      - { id: zaak.vrij, naam: vrije regel, specificatie: "Alleen in woorden & zonder <regel>." }
  - id: document
    naam: Document
    attribuutsoorten:
      - { id: document.kenmerk, naam: kenmerk, type: AN20, identificerend: true }
gegevensgroeptypen:
  - id: adres
    naam: Adres
    definitie: Een adres.
    attribuutsoorten:
      - { id: adres.postcode, naam: postcode, type: AN6 }
      - { id: adres.huisnummer, naam: huisnummer, type: N5 }
enumeraties:
  - id: enum-kleur
    naam: EnumKleur
    definitie: Een kleur.
    waarden:
      - { id: enum-kleur.rood, naam: Rood, code: R, definitie: Als bloed., toelichting: "Warm & fel" }
      - { naam: Groen, code: G }
codelijsten:
  - { id: landen, naam: Landen, definitie: De landen., locatie: "https://example.org/landen?x=1&y=2" }
primitieveDatatypes:
  - { id: score, naam: Score, basis: geheelGetal, minimumWaarde: 1, maximumWaarde: 10, definitie: Een cijfer. }
  - { id: gemeentecode, naam: Gemeentecode, basis: tekst, lengte: 4, patroon: vier cijfers, formeelPatroon: "^[0-9]{4}$" }
gestructureerdeDatatypes:
  - id: geldbedrag
    naam: Geldbedrag
    dataElementen:
      - { id: geldbedrag.bedrag, naam: bedrag, type: Decimal, definitie: Het bedrag. }
      - { naam: valuta, type: AN3, kardinaliteit: "0..1" }
keuzes:
  - id: contact
    naam: Contact
    alternatieven:
      - { type: Integer }
      - { type: Geldbedrag }
  - id: betrokkene
    naam: Betrokkene
    alternatieven:
      - { type: Persoon }
      - { type: Document }
  - id: kenmerkkeuze
    naam: Kenmerkkeuze
    alternatieven:
      - { naam: nummer, type: Integer, definitie: Een klantnummer. }
      - { naam: zaak, type: Zaak }
`;

export const GEDEELD = `
pakket: { id: gedeeld, naam: Gedeelde datatypes, definitie: Wat modellen delen., herkomst: MIM }
primitieveDatatypes:
  - { id: an, naam: AN, basis: tekst, lengteInNaam: true }
  - { id: n, naam: N, basis: geheelGetal, lengteInNaam: true }
  - { id: datum, naam: Datum, basis: datum, formaat: date }
  - { id: decimal, naam: Decimal, basis: decimaalGetal }
  - { id: integer, naam: Integer, basis: geheelGetal }
  - { id: boolean, naam: Boolean, basis: boolean }
`;
