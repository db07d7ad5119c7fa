/** The fields that have a value, in their order; a field without one is left out. */
function zonderLeeg(velden) {
    return Object.fromEntries(Object.entries(velden).filter(([, waarde]) => waarde !== undefined));
}
/** Each item of an optional list converted; no list when the source has none. */
function elk(bronnen, naar) {
    return bronnen === undefined ? undefined : bronnen.map(naar);
}
/** Builds Uitwisselmodel of the message from its source data. */
export function naarUitwisselmodel(bron) {
    return zonderLeeg({
        startdatumLevering: bron.startdatumLevering,
        einddatumLevering: bron.einddatumLevering,
        aanleverdatumEnTijd: bron.aanleverdatumEnTijd,
        codeGegevensleverancier: bron.codeGegevensleverancier,
        leveringen: elk(bron.leveringen, naarLevering),
    });
}
/** Builds Levering of the message from its source data. */
export function naarLevering(bron) {
    return zonderLeeg({
        teller: bron.teller,
        gemeentecode: bron.gemeentecode,
        aanleverende_organisatie: naarAanleverendeOrganisatie(bron.aanleverende_organisatie),
        vroegsignalen: elk(bron.vroegsignalen, naarVroegsignaal),
        vroegsignaalzaken: elk(bron.vroegsignaalzaken, naarVroegsignaalzaak),
    });
}
/** Builds AanleverendeOrganisatie of the message from its source data. */
export function naarAanleverendeOrganisatie(bron) {
    return zonderLeeg({
        naam: bron.naam,
        "kvk-nummer": bron["kvk-nummer"],
        contactpersoonen: elk(bron.contactpersonen, naarContactpersoon),
    });
}
/** Builds Contactpersoon of the message from its source data. */
export function naarContactpersoon(bron) {
    return zonderLeeg({
        naam: bron.naam,
        telefoonnummer: bron.telefoonnummer,
        email: bron.email,
        functietitel: bron.functietitel,
    });
}
/** Builds Vroegsignaal of the message from its source data. */
export function naarVroegsignaal(bron) {
    return zonderLeeg({
        ID: bron.ID,
        crisissignaal: bron.crisissignaal,
        warmeOverdracht: bron.warmeOverdracht,
        bedrag: bron.bedrag,
        ontstaansdatum: bron.ontstaansdatum,
        signaaldatum: bron.signaaldatum,
        status: bron.status,
        signaalpartner: naarSignaalpartner(bron.signaalpartner),
        client: naarClient(bron.client),
    });
}
/** Builds Signaalpartner of the message from its source data. */
export function naarSignaalpartner(bron) {
    return zonderLeeg({
        type: bron.type,
    });
}
/** Builds Client of the message from its source data. */
export function naarClient(bron) {
    return zonderLeeg({
        Burgerservicenummer: bron.Burgerservicenummer,
        Voorletters: bron.Voorletters,
        Voorvoegsel: bron.Voorvoegsel,
        Achternaam: bron.Achternaam,
        Geboortedatum: bron.Geboortedatum,
        Straatnaam: bron.Straatnaam,
        Postcode: bron.Postcode,
        Huisnummer: bron.Huisnummer,
        Huisnummertoevoeging: bron.Huisnummertoevoeging,
        Plaatsnaam: bron.Plaatsnaam,
    });
}
/** Builds Vroegsignaalzaak of the message from its source data. */
export function naarVroegsignaalzaak(bron) {
    return zonderLeeg({
        resultaat: bron.resultaat,
        matchingsdatum: bron.matchingsdatum,
        startdatum_matchtingperiode: bron.startdatum_matchtingperiode,
        datum_opgepakt: bron.datum_opgepakt,
        einddatum_matchingperiode: bron.einddatum_matchingperiode,
        vroegsignalen: elk(bron.vroegsignalen, (doel) => ({ ID: doel.ID })),
        contactpogingen: elk(bron.contactpogingen, naarContactpoging),
    });
}
/** Builds Contactpoging of the message from its source data. */
export function naarContactpoging(bron) {
    return zonderLeeg({
        soort: bron.soort,
        bereikt: bron.bereikt,
        datum: bron.datum,
        dagdeel: bron.dagdeel,
    });
}
