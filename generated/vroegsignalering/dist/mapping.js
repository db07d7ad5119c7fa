/** The fields that have a value, in their order; a field without one is left out. */
function zonderLeeg(velden) {
    return Object.fromEntries(Object.entries(velden).filter(([, waarde]) => waarde !== undefined));
}
/** Builds Uitwisselmodel of the message from its source data. */
export function naarUitwisselmodel(bron) {
    return zonderLeeg({
        startdatumLevering: bron.startdatumLevering,
        einddatumLevering: bron.einddatumLevering,
        aanleverdatumEnTijd: bron.aanleverdatumEnTijd,
        codeGegevensleverancier: bron.codeGegevensleverancier,
        leveringen: bron.leveringen === undefined ? undefined : bron.leveringen.map(naarLevering),
    });
}
/** Builds Levering of the message from its source data. */
export function naarLevering(bron) {
    return zonderLeeg({
        teller: bron.teller,
        gemeentecode: bron.gemeentecode,
        aanleverende_organisatie: naarAanleverendeOrganisatie(bron.aanleverende_organisatie),
        vroegsignalen: bron.vroegsignalen === undefined ? undefined : bron.vroegsignalen.map(naarVroegsignaal),
        vroegsignaalzaken: bron.vroegsignaalzaken === undefined ? undefined : bron.vroegsignaalzaken.map(naarVroegsignaalzaak),
    });
}
/** Builds AanleverendeOrganisatie of the message from its source data. */
export function naarAanleverendeOrganisatie(bron) {
    return zonderLeeg({
        naam: bron.naam,
        "kvk-nummer": bron["kvk-nummer"],
        contactpersoonen: bron.contactpersonen === undefined ? undefined : bron.contactpersonen.map(naarContactpersoon),
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
        vroegsignalen: bron.vroegsignalen === undefined ? undefined : bron.vroegsignalen.map((doel) => ({ ID: doel.ID })),
        contactpogingen: bron.contactpogingen === undefined ? undefined : bron.contactpogingen.map(naarContactpoging),
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
