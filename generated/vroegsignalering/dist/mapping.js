/** Builds Uitwisselmodel of the message from its source data. */
export function naarUitwisselmodel(bron) {
    return {
        startdatumLevering: bron.startdatumLevering,
        einddatumLevering: bron.einddatumLevering,
        aanleverdatumEnTijd: bron.aanleverdatumEnTijd,
        codeGegevensleverancier: bron.codeGegevensleverancier,
        ...(bron.leveringen !== undefined ? { leveringen: bron.leveringen.map(naarLevering) } : {}),
    };
}
/** Builds Levering of the message from its source data. */
export function naarLevering(bron) {
    return {
        teller: bron.teller,
        gemeentecode: bron.gemeentecode,
        aanleverende_organisatie: naarAanleverendeOrganisatie(bron.aanleverende_organisatie),
        ...(bron.vroegsignalen !== undefined ? { vroegsignalen: bron.vroegsignalen.map(naarVroegsignaal) } : {}),
        ...(bron.vroegsignaalzaken !== undefined ? { vroegsignaalzaken: bron.vroegsignaalzaken.map(naarVroegsignaalzaak) } : {}),
    };
}
/** Builds AanleverendeOrganisatie of the message from its source data. */
export function naarAanleverendeOrganisatie(bron) {
    return {
        ...(bron.naam !== undefined ? { naam: bron.naam } : {}),
        ...(bron["kvk-nummer"] !== undefined ? { "kvk-nummer": bron["kvk-nummer"] } : {}),
        ...(bron.contactpersonen !== undefined ? { contactpersoonen: bron.contactpersonen.map(naarContactpersoon) } : {}),
    };
}
/** Builds Contactpersoon of the message from its source data. */
export function naarContactpersoon(bron) {
    return {
        ...(bron.naam !== undefined ? { naam: bron.naam } : {}),
        ...(bron.telefoonnummer !== undefined ? { telefoonnummer: bron.telefoonnummer } : {}),
        ...(bron.email !== undefined ? { email: bron.email } : {}),
        ...(bron.functietitel !== undefined ? { functietitel: bron.functietitel } : {}),
    };
}
/** Builds Vroegsignaal of the message from its source data. */
export function naarVroegsignaal(bron) {
    return {
        ID: bron.ID,
        ...(bron.crisissignaal !== undefined ? { crisissignaal: bron.crisissignaal } : {}),
        ...(bron.warmeOverdracht !== undefined ? { warmeOverdracht: bron.warmeOverdracht } : {}),
        ...(bron.bedrag !== undefined ? { bedrag: bron.bedrag } : {}),
        ...(bron.ontstaansdatum !== undefined ? { ontstaansdatum: bron.ontstaansdatum } : {}),
        ...(bron.signaaldatum !== undefined ? { signaaldatum: bron.signaaldatum } : {}),
        ...(bron.status !== undefined ? { status: bron.status } : {}),
        signaalpartner: naarSignaalpartner(bron.signaalpartner),
        client: naarClient(bron.client),
    };
}
/** Builds Signaalpartner of the message from its source data. */
export function naarSignaalpartner(bron) {
    return {
        ...(bron.type !== undefined ? { type: bron.type } : {}),
    };
}
/** Builds Client of the message from its source data. */
export function naarClient(bron) {
    return {
        ...(bron.Burgerservicenummer !== undefined ? { Burgerservicenummer: bron.Burgerservicenummer } : {}),
        ...(bron.Voorletters !== undefined ? { Voorletters: bron.Voorletters } : {}),
        ...(bron.Voorvoegsel !== undefined ? { Voorvoegsel: bron.Voorvoegsel } : {}),
        ...(bron.Achternaam !== undefined ? { Achternaam: bron.Achternaam } : {}),
        ...(bron.Geboortedatum !== undefined ? { Geboortedatum: bron.Geboortedatum } : {}),
        ...(bron.Straatnaam !== undefined ? { Straatnaam: bron.Straatnaam } : {}),
        ...(bron.Postcode !== undefined ? { Postcode: bron.Postcode } : {}),
        ...(bron.Huisnummer !== undefined ? { Huisnummer: bron.Huisnummer } : {}),
        ...(bron.Huisnummertoevoeging !== undefined ? { Huisnummertoevoeging: bron.Huisnummertoevoeging } : {}),
        ...(bron.Plaatsnaam !== undefined ? { Plaatsnaam: bron.Plaatsnaam } : {}),
    };
}
/** Builds Vroegsignaalzaak of the message from its source data. */
export function naarVroegsignaalzaak(bron) {
    return {
        ...(bron.resultaat !== undefined ? { resultaat: bron.resultaat } : {}),
        ...(bron.matchingsdatum !== undefined ? { matchingsdatum: bron.matchingsdatum } : {}),
        ...(bron.startdatum_matchtingperiode !== undefined ? { startdatum_matchtingperiode: bron.startdatum_matchtingperiode } : {}),
        ...(bron.datum_opgepakt !== undefined ? { datum_opgepakt: bron.datum_opgepakt } : {}),
        ...(bron.einddatum_matchingperiode !== undefined ? { einddatum_matchingperiode: bron.einddatum_matchingperiode } : {}),
        ...(bron.vroegsignalen !== undefined ? { vroegsignalen: bron.vroegsignalen.map((doel) => ({ ID: doel.ID })) } : {}),
        ...(bron.contactpogingen !== undefined ? { contactpogingen: bron.contactpogingen.map(naarContactpoging) } : {}),
    };
}
/** Builds Contactpoging of the message from its source data. */
export function naarContactpoging(bron) {
    return {
        ...(bron.soort !== undefined ? { soort: bron.soort } : {}),
        ...(bron.bereikt !== undefined ? { bereikt: bron.bereikt } : {}),
        ...(bron.datum !== undefined ? { datum: bron.datum } : {}),
        ...(bron.dagdeel !== undefined ? { dagdeel: bron.dagdeel } : {}),
    };
}
