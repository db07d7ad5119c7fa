/** Builds Uitwisselmodel of the message from its source data. */
export function naarUitwisselmodel(bron) {
    return {
        startdatumLevering: bron.startdatumLevering,
        einddatumLevering: bron.einddatumLevering,
        aanleverdatumEnTijd: bron.aanleverdatumEnTijd,
        codeGegevensleverancier: bron.codeGegevensleverancier,
        leveringen: bron.leveringen.map(naarLevering),
    };
}
/** Builds Levering of the message from its source data. */
export function naarLevering(bron) {
    return {
        teller: bron.teller,
        aanleverende_organisatie: naarSchuldhulporganisatie(bron.aanleverende_organisatie),
        ...(bron.schuldhulptrajecten !== undefined ? { schuldhulptrajecten: bron.schuldhulptrajecten.map(naarSchuldhulptraject) } : {}),
    };
}
/** Builds Schuldhulporganisatie of the message from its source data. */
export function naarSchuldhulporganisatie(bron) {
    return {
        ...(bron["(Statutaire) Naam"] !== undefined ? { "(Statutaire) Naam": bron["(Statutaire) Naam"] } : {}),
        ...(bron["KvK-nummer"] !== undefined ? { "KvK-nummer": bron["KvK-nummer"] } : {}),
        ...(bron.postcode !== undefined ? { postcode: bron.postcode } : {}),
        ...(bron.gemeentecode !== undefined ? { gemeentecode: bron.gemeentecode } : {}),
        ...(bron.contactpersonen !== undefined ? { contactpersonen: bron.contactpersonen.map(naarContactpersoon) } : {}),
    };
}
/** Builds Contactpersoon of the message from its source data. */
export function naarContactpersoon(bron) {
    return {
        ...(bron.email !== undefined ? { email: bron.email } : {}),
        ...(bron.functietitel !== undefined ? { functietitel: bron.functietitel } : {}),
        ...(bron.naam !== undefined ? { naam: bron.naam } : {}),
        ...(bron.telefoonnummer !== undefined ? { telefoonnummer: bron.telefoonnummer } : {}),
    };
}
/** Builds Schuldhulptraject of the message from its source data. */
export function naarSchuldhulptraject(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.omschrijving !== undefined ? { omschrijving: bron.omschrijving } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
        ...(bron.toekenningsdatum !== undefined ? { toekenningsdatum: bron.toekenningsdatum } : {}),
        ...(bron.totaalSchuldbedragBijAanvangSchuld !== undefined ? { totaalSchuldbedragBijAanvangSchuld: bron.totaalSchuldbedragBijAanvangSchuld } : {}),
        gemeentecode: bron.gemeentecode,
        ...(bron.aanmelding !== undefined ? { aanmelding: naarAanmelding(bron.aanmelding) } : {}),
        ...(bron.begeleiding !== undefined ? { begeleiding: bron.begeleiding.map(naarBegeleiding) } : {}),
        ...(bron.client !== undefined ? { client: bron.client.map(naarClient) } : {}),
        ...(bron.crisisinterventies !== undefined ? { crisisinterventies: bron.crisisinterventies.map(naarCrisisinterventie) } : {}),
        ...(bron.informatieEnAdvies !== undefined ? { informatieEnAdvies: naarInformatieEnAdvies(bron.informatieEnAdvies) } : {}),
        ...(bron.intake !== undefined ? { intake: naarIntake(bron.intake) } : {}),
        ...(bron.moratoria !== undefined ? { moratoria: bron.moratoria.map(naarMoratorium) } : {}),
        ...(bron.nazorg !== undefined ? { nazorg: naarNazorg(bron.nazorg) } : {}),
        ...(bron.oplossing !== undefined ? { oplossing: naarOplossing(bron.oplossing) } : {}),
        ...(bron.planVanAanpak !== undefined ? { planVanAanpak: naarPlanVanAanpak(bron.planVanAanpak) } : {}),
        ...(bron.schulden !== undefined ? { schulden: bron.schulden.map(naarSchuld) } : {}),
        ...(bron.schuldregeling !== undefined ? { schuldregeling: naarSchuldregeling(bron.schuldregeling) } : {}),
        ...(bron.voorlopigeVoorzieningen !== undefined ? { voorlopigeVoorzieningen: bron.voorlopigeVoorzieningen.map(naarVoorlopigeVoorziening) } : {}),
        ...(bron.uitstroom !== undefined ? { uitstroom: naarUitstroom(bron.uitstroom) } : {}),
        ...(bron.stabilisatie !== undefined ? { stabilisatie: naarStabilisatie(bron.stabilisatie) } : {}),
    };
}
/** Builds Aanmelding of the message from its source data. */
export function naarAanmelding(bron) {
    return {
        ...(bron.crisisinterventie !== undefined ? { crisisinterventie: bron.crisisinterventie } : {}),
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Begeleiding of the message from its source data. */
export function naarBegeleiding(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.soort !== undefined ? { soort: bron.soort } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Client of the message from its source data. */
export function naarClient(bron) {
    return {
        ...(bron.Burgerservicenummer !== undefined ? { Burgerservicenummer: bron.Burgerservicenummer } : {}),
        ...(bron.Geboortedatum !== undefined ? { Geboortedatum: bron.Geboortedatum } : {}),
        ...(bron.Geslachtsaanduiding !== undefined ? { Geslachtsaanduiding: bron.Geslachtsaanduiding } : {}),
        ...(bron.Postcode !== undefined ? { Postcode: bron.Postcode } : {}),
        ...(bron.Huisnummer !== undefined ? { Huisnummer: bron.Huisnummer } : {}),
        ...(bron.Huisnummertoevoeging !== undefined ? { Huisnummertoevoeging: bron.Huisnummertoevoeging } : {}),
    };
}
/** Builds Crisisinterventie of the message from its source data. */
export function naarCrisisinterventie(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds InformatieEnAdvies of the message from its source data. */
export function naarInformatieEnAdvies(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Intake of the message from its source data. */
export function naarIntake(bron) {
    return {
        ...(bron.beschikkingsdatum !== undefined ? { beschikkingsdatum: bron.beschikkingsdatum } : {}),
        ...(bron.beschikkingssoort !== undefined ? { beschikkingssoort: bron.beschikkingssoort } : {}),
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Moratorium of the message from its source data. */
export function naarMoratorium(bron) {
    return {
        ...(bron.datumAanvraag !== undefined ? { datumAanvraag: bron.datumAanvraag } : {}),
        ...(bron.datumGoedkeuring !== undefined ? { datumGoedkeuring: bron.datumGoedkeuring } : {}),
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Nazorg of the message from its source data. */
export function naarNazorg(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Oplossing of the message from its source data. */
export function naarOplossing(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.soort !== undefined ? { soort: bron.soort } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
        ...(bron.vtlb !== undefined ? { vtlb: bron.vtlb } : {}),
    };
}
/** Builds PlanVanAanpak of the message from its source data. */
export function naarPlanVanAanpak(bron) {
    return {
        ...(bron.datumAfronding !== undefined ? { datumAfronding: bron.datumAfronding } : {}),
    };
}
/** Builds Schuld of the message from its source data. */
export function naarSchuld(bron) {
    return {
        ...(bron.bedrag !== undefined ? { bedrag: bron.bedrag } : {}),
        ...(bron.peildatum !== undefined ? { peildatum: bron.peildatum } : {}),
        ...(bron.schuldsoort !== undefined ? { schuldsoort: bron.schuldsoort } : {}),
        ...(bron.zakelijkeSchuld !== undefined ? { zakelijkeSchuld: bron.zakelijkeSchuld } : {}),
        ...(bron.schuldeiser !== undefined ? { schuldeiser: naarSchuldeiser(bron.schuldeiser) } : {}),
    };
}
/** Builds Schuldeiser of the message from its source data. */
export function naarSchuldeiser(bron) {
    return {
        ...(bron.naam !== undefined ? { naam: bron.naam } : {}),
        ...(bron.KVKnummer !== undefined ? { kvknummer: bron.KVKnummer } : {}),
        ...(bron.naam !== undefined ? { Naam: bron.naam } : {}),
        ...(bron.postcode !== undefined ? { postcode: bron.postcode } : {}),
        ...(bron.privepersoon !== undefined ? { privepersoon: bron.privepersoon } : {}),
    };
}
/** Builds Schuldregeling of the message from its source data. */
export function naarSchuldregeling(bron) {
    return {
        ...(bron.afgewezen !== undefined ? { afgewezen: bron.afgewezen } : {}),
        ...(bron.datum !== undefined ? { datum: bron.datum } : {}),
        ...(bron.datumVerzoekDwangakkoord !== undefined ? { datumVerzoekDwangakkoord: bron.datumVerzoekDwangakkoord } : {}),
        ...(bron.dwangakkoord !== undefined ? { dwangakkoord: bron.dwangakkoord } : {}),
        ...(bron.ingetrokken !== undefined ? { ingetrokken: bron.ingetrokken } : {}),
        ...(bron.toegekend !== undefined ? { toegekend: bron.toegekend } : {}),
    };
}
/** Builds VoorlopigeVoorziening of the message from its source data. */
export function naarVoorlopigeVoorziening(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
/** Builds Uitstroom of the message from its source data. */
export function naarUitstroom(bron) {
    return {
        ...(bron.datum !== undefined ? { datum: bron.datum } : {}),
        ...(bron.datumBeeindigingsbeschikking !== undefined ? { datumBeeindigingsbeschikking: bron.datumBeeindigingsbeschikking } : {}),
        ...(bron.omschrijving !== undefined ? { omschrijving: bron.omschrijving } : {}),
        ...(bron.reden !== undefined ? { reden: bron.reden } : {}),
    };
}
/** Builds Stabilisatie of the message from its source data. */
export function naarStabilisatie(bron) {
    return {
        ...(bron.einddatum !== undefined ? { einddatum: bron.einddatum } : {}),
        ...(bron.startdatum !== undefined ? { startdatum: bron.startdatum } : {}),
    };
}
