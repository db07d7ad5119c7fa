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
        leveringen: bron.leveringen.map(naarLevering),
    });
}
/** Builds Levering of the message from its source data. */
export function naarLevering(bron) {
    return zonderLeeg({
        teller: bron.teller,
        aanleverende_organisatie: naarSchuldhulporganisatie(bron.aanleverende_organisatie),
        schuldhulptrajecten: elk(bron.schuldhulptrajecten, naarSchuldhulptraject),
    });
}
/** Builds Schuldhulporganisatie of the message from its source data. */
export function naarSchuldhulporganisatie(bron) {
    return zonderLeeg({
        "(Statutaire) Naam": bron["(Statutaire) Naam"],
        "KvK-nummer": bron["KvK-nummer"],
        postcode: bron.postcode,
        gemeentecode: bron.gemeentecode,
        contactpersonen: elk(bron.contactpersonen, naarContactpersoon),
    });
}
/** Builds Contactpersoon of the message from its source data. */
export function naarContactpersoon(bron) {
    return zonderLeeg({
        email: bron.email,
        functietitel: bron.functietitel,
        naam: bron.naam,
        telefoonnummer: bron.telefoonnummer,
    });
}
/** Builds Schuldhulptraject of the message from its source data. */
export function naarSchuldhulptraject(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        omschrijving: bron.omschrijving,
        startdatum: bron.startdatum,
        toekenningsdatum: bron.toekenningsdatum,
        totaalSchuldbedragBijAanvangSchuld: bron.totaalSchuldbedragBijAanvangSchuld,
        gemeentecode: bron.gemeentecode,
        aanmelding: bron.aanmelding === undefined ? undefined : naarAanmelding(bron.aanmelding),
        begeleiding: elk(bron.begeleiding, naarBegeleiding),
        client: elk(bron.client, naarClient),
        crisisinterventies: elk(bron.crisisinterventies, naarCrisisinterventie),
        informatieEnAdvies: bron.informatieEnAdvies === undefined ? undefined : naarInformatieEnAdvies(bron.informatieEnAdvies),
        intake: bron.intake === undefined ? undefined : naarIntake(bron.intake),
        moratoria: elk(bron.moratoria, naarMoratorium),
        nazorg: bron.nazorg === undefined ? undefined : naarNazorg(bron.nazorg),
        oplossing: bron.oplossing === undefined ? undefined : naarOplossing(bron.oplossing),
        planVanAanpak: bron.planVanAanpak === undefined ? undefined : naarPlanVanAanpak(bron.planVanAanpak),
        schulden: elk(bron.schulden, naarSchuld),
        schuldregeling: bron.schuldregeling === undefined ? undefined : naarSchuldregeling(bron.schuldregeling),
        voorlopigeVoorzieningen: elk(bron.voorlopigeVoorzieningen, naarVoorlopigeVoorziening),
        uitstroom: bron.uitstroom === undefined ? undefined : naarUitstroom(bron.uitstroom),
        stabilisatie: bron.stabilisatie === undefined ? undefined : naarStabilisatie(bron.stabilisatie),
    });
}
/** Builds Aanmelding of the message from its source data. */
export function naarAanmelding(bron) {
    return zonderLeeg({
        crisisinterventie: bron.crisisinterventie,
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Begeleiding of the message from its source data. */
export function naarBegeleiding(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        soort: bron.soort,
        startdatum: bron.startdatum,
    });
}
/** Builds Client of the message from its source data. */
export function naarClient(bron) {
    return zonderLeeg({
        Burgerservicenummer: bron.Burgerservicenummer,
        Geboortedatum: bron.Geboortedatum,
        Geslachtsaanduiding: bron.Geslachtsaanduiding,
        Postcode: bron.Postcode,
        Huisnummer: bron.Huisnummer,
        Huisnummertoevoeging: bron.Huisnummertoevoeging,
    });
}
/** Builds Crisisinterventie of the message from its source data. */
export function naarCrisisinterventie(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds InformatieEnAdvies of the message from its source data. */
export function naarInformatieEnAdvies(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Intake of the message from its source data. */
export function naarIntake(bron) {
    return zonderLeeg({
        beschikkingsdatum: bron.beschikkingsdatum,
        beschikkingssoort: bron.beschikkingssoort,
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Moratorium of the message from its source data. */
export function naarMoratorium(bron) {
    return zonderLeeg({
        datumAanvraag: bron.datumAanvraag,
        datumGoedkeuring: bron.datumGoedkeuring,
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Nazorg of the message from its source data. */
export function naarNazorg(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Oplossing of the message from its source data. */
export function naarOplossing(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        soort: bron.soort,
        startdatum: bron.startdatum,
        vtlb: bron.vtlb,
    });
}
/** Builds PlanVanAanpak of the message from its source data. */
export function naarPlanVanAanpak(bron) {
    return zonderLeeg({
        datumAfronding: bron.datumAfronding,
    });
}
/** Builds Schuld of the message from its source data. */
export function naarSchuld(bron) {
    return zonderLeeg({
        bedrag: bron.bedrag,
        peildatum: bron.peildatum,
        schuldsoort: bron.schuldsoort,
        zakelijkeSchuld: bron.zakelijkeSchuld,
        schuldeiser: bron.schuldeiser === undefined ? undefined : naarSchuldeiser(bron.schuldeiser),
    });
}
/** Builds Schuldeiser of the message from its source data. */
export function naarSchuldeiser(bron) {
    return zonderLeeg({
        naam: bron.naam,
        kvknummer: bron.KVKnummer,
        Naam: bron.naam,
        postcode: bron.postcode,
        privepersoon: bron.privepersoon,
    });
}
/** Builds Schuldregeling of the message from its source data. */
export function naarSchuldregeling(bron) {
    return zonderLeeg({
        afgewezen: bron.afgewezen,
        datum: bron.datum,
        datumVerzoekDwangakkoord: bron.datumVerzoekDwangakkoord,
        dwangakkoord: bron.dwangakkoord,
        ingetrokken: bron.ingetrokken,
        toegekend: bron.toegekend,
    });
}
/** Builds VoorlopigeVoorziening of the message from its source data. */
export function naarVoorlopigeVoorziening(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
/** Builds Uitstroom of the message from its source data. */
export function naarUitstroom(bron) {
    return zonderLeeg({
        datum: bron.datum,
        datumBeeindigingsbeschikking: bron.datumBeeindigingsbeschikking,
        omschrijving: bron.omschrijving,
        reden: bron.reden,
    });
}
/** Builds Stabilisatie of the message from its source data. */
export function naarStabilisatie(bron) {
    return zonderLeeg({
        einddatum: bron.einddatum,
        startdatum: bron.startdatum,
    });
}
