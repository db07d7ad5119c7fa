/**
 * An XMI 2.1 file as a UML tool other than Enterprise Architect writes one (MagicDraw, Papyrus): no EA
 * extension, UUIDs as ids, association ends held the UML-standard way (the navigable end an ownedAttribute
 * of the class with association= set, the other an ownedEnd of the association), stereotypes applied by
 * profile elements beside the model (with tagged values as attributes and as child elements) or absent,
 * documentation in ownedComments, types by href into UML's primitive types. It also holds UML elements the
 * model format has no place for, listed in NOT_IMPORTED. Used by other-tool.test.ts and the fuzz test.
 */

/** Ids as MagicDraw and Papyrus write them: UUIDs, some with a leading underscore. */
export const U = {
  pkg: '_5f0d3c1a-7b2e-4c9d-8e1f-000000000001',
  persoon: '8a4f0c1e-2b3d-4e5f-9a6b-000000000010',
  naam: '8a4f0c1e-2b3d-4e5f-9a6b-000000000011',
  geboren: '8a4f0c1e-2b3d-4e5f-9a6b-000000000012',
  status: '8a4f0c1e-2b3d-4e5f-9a6b-000000000013',
  adres: '8a4f0c1e-2b3d-4e5f-9a6b-000000000014',
  postcode: '8a4f0c1e-2b3d-4e5f-9a6b-000000000015',
  woontInEnd: '8a4f0c1e-2b3d-4e5f-9a6b-000000000016',
  leeftijd: '8a4f0c1e-2b3d-4e5f-9a6b-000000000017',
  gemeente: '_3c2b1a09-8f7e-4d6c-b5a4-000000000020',
  gemeentenaam: '_3c2b1a09-8f7e-4d6c-b5a4-000000000021',
  inwonerEnd: '_3c2b1a09-8f7e-4d6c-b5a4-000000000022',
  ingezetene: '_3c2b1a09-8f7e-4d6c-b5a4-000000000030',
  generalisatie: '_3c2b1a09-8f7e-4d6c-b5a4-000000000031',
  sinds: '_3c2b1a09-8f7e-4d6c-b5a4-000000000032',
  adresType: 'd1e2f3a4-b5c6-4d7e-8f90-000000000040',
  straat: 'd1e2f3a4-b5c6-4d7e-8f90-000000000041',
  huisnummer: 'd1e2f3a4-b5c6-4d7e-8f90-000000000042',
  postcodeType: 'd1e2f3a4-b5c6-4d7e-8f90-000000000050',
  statusType: 'd1e2f3a4-b5c6-4d7e-8f90-000000000060',
  actief: 'd1e2f3a4-b5c6-4d7e-8f90-000000000061',
  beeindigd: 'd1e2f3a4-b5c6-4d7e-8f90-000000000062',
  woontIn: 'a0b1c2d3-e4f5-4a6b-8c7d-000000000070',
  woontInBron: 'a0b1c2d3-e4f5-4a6b-8c7d-000000000071',
  bestuurt: 'a0b1c2d3-e4f5-4a6b-8c7d-000000000080',
  bestuurder: 'a0b1c2d3-e4f5-4a6b-8c7d-000000000081',
  bestuurd: 'a0b1c2d3-e4f5-4a6b-8c7d-000000000082',
  afhankelijk1: 'f0e1d2c3-b4a5-4968-8776-000000000090',
  afhankelijk2: 'f0e1d2c3-b4a5-4968-8776-000000000091',
  voorbeeld: 'f0e1d2c3-b4a5-4968-8776-000000000092',
  notitie: 'f0e1d2c3-b4a5-4968-8776-000000000093',
  signaal: 'f0e1d2c3-b4a5-4968-8776-000000000094',
} as const;

/** The UML elements of the file that are not model content, by the kind the import's warning names. */
export const NOT_IMPORTED: Record<string, number> = {
  'defaultValue uml:LiteralString': 1,
  'ownedComment uml:Comment': 1,
  'ownedOperation uml:Operation': 1,
  'packagedElement uml:Dependency': 2,
  'packagedElement uml:InstanceSpecification': 1,
  'packagedElement uml:Signal': 1,
};

const PRIMITIVE = 'http://www.omg.org/spec/UML/20131001/PrimitiveTypes.xmi';

const mult = (id: string, lower: string | undefined, upper: string) =>
  `<lowerValue xmi:type="uml:LiteralInteger" xmi:id="${id}-lower"${lower === undefined ? '' : ` value="${lower}"`}/>` +
  `<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="${id}-upper" value="${upper}"/>`;

const doc = (id: string, text: string) =>
  `<ownedComment xmi:type="uml:Comment" xmi:id="${id}-doc" body="${text}"><annotatedElement xmi:idref="${id}"/></ownedComment>`;

export function otherToolXmi(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmi:version="2.1" xmlns:xmi="http://www.omg.org/spec/XMI/20131001" xmlns:uml="http://www.omg.org/spec/UML/20131001" xmlns:MIM="http://www.geonovum.nl/MIM/profile/1.1.1">
  <xmi:Documentation>
    <xmi:exporter>MagicDraw Clean XMI Exporter</xmi:exporter>
    <xmi:exporterVersion>19.0</xmi:exporterVersion>
  </xmi:Documentation>
  <uml:Model xmi:type="uml:Model" xmi:id="_model" name="Data">
    <packagedElement xmi:type="uml:Package" xmi:id="${U.pkg}" name="Registratie">
      ${doc(U.pkg, 'Een registratie van personen, als een ander hulpmiddel dan EA haar schrijft.')}
      <packagedElement xmi:type="uml:Class" xmi:id="${U.persoon}" name="Persoon">
        ${doc(U.persoon, 'Een mens.')}
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.naam}" name="naam" visibility="public">
          <type href="${PRIMITIVE}#String"/>
          ${mult(U.naam, '1', '1')}
        </ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.geboren}" name="geboortedatum">
          ${doc(U.geboren, 'De dag van geboorte.')}
          <type href="${PRIMITIVE}#Date"/>
          ${mult(U.geboren, undefined, '1')}
        </ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.status}" name="status" type="${U.statusType}">
          ${mult(U.status, '1', '1')}
          <defaultValue xmi:type="uml:LiteralString" xmi:id="${U.status}-default" value="actief"/>
        </ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.adres}" name="adres" type="${U.adresType}">
          ${mult(U.adres, '0', '*')}
        </ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.postcode}" name="postcode" type="${U.postcodeType}"/>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.woontInEnd}" name="woonplaats" type="${U.gemeente}" association="${U.woontIn}">
          ${mult(U.woontInEnd, '1', '1')}
        </ownedAttribute>
        <ownedOperation xmi:type="uml:Operation" xmi:id="${U.leeftijd}" name="leeftijd">
          <ownedParameter xmi:type="uml:Parameter" xmi:id="${U.leeftijd}-return" direction="return"/>
        </ownedOperation>
      </packagedElement>
      <packagedElement xmi:type="uml:Class" xmi:id="${U.gemeente}" name="Gemeente">
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.gemeentenaam}" name="gemeentenaam">
          <type href="${PRIMITIVE}#String"/>
        </ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.bestuurder}" name="burgemeester" type="${U.persoon}" association="${U.bestuurt}">
          ${mult(U.bestuurder, '0', '1')}
        </ownedAttribute>
      </packagedElement>
      <packagedElement xmi:type="uml:Class" xmi:id="${U.ingezetene}" name="Ingezetene">
        <generalization xmi:type="uml:Generalization" xmi:id="${U.generalisatie}" general="${U.persoon}"/>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.sinds}" name="ingezeteneSinds">
          <type href="${PRIMITIVE}#Date"/>
        </ownedAttribute>
      </packagedElement>
      <packagedElement xmi:type="uml:DataType" xmi:id="${U.adresType}" name="Adres">
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.straat}" name="straat"><type href="${PRIMITIVE}#String"/></ownedAttribute>
        <ownedAttribute xmi:type="uml:Property" xmi:id="${U.huisnummer}" name="huisnummer"><type href="${PRIMITIVE}#Integer"/></ownedAttribute>
      </packagedElement>
      <packagedElement xmi:type="uml:PrimitiveType" xmi:id="${U.postcodeType}" name="Postcode">
        <generalization xmi:type="uml:Generalization" xmi:id="${U.postcodeType}-gen"><general href="${PRIMITIVE}#String"/></generalization>
      </packagedElement>
      <packagedElement xmi:type="uml:Enumeration" xmi:id="${U.statusType}" name="Status">
        <ownedLiteral xmi:type="uml:EnumerationLiteral" xmi:id="${U.actief}" name="actief"/>
        <ownedLiteral xmi:type="uml:EnumerationLiteral" xmi:id="${U.beeindigd}" name="beëindigd"/>
      </packagedElement>
      <packagedElement xmi:type="uml:Association" xmi:id="${U.woontIn}" name="woont in" memberEnd="${U.woontInEnd} ${U.woontInBron}">
        <ownedEnd xmi:type="uml:Property" xmi:id="${U.woontInBron}" name="inwoner" type="${U.persoon}" association="${U.woontIn}">
          ${mult(U.woontInBron, '0', '*')}
        </ownedEnd>
      </packagedElement>
      <packagedElement xmi:type="uml:Association" xmi:id="${U.bestuurt}" name="bestuurt">
        <memberEnd xmi:idref="${U.bestuurder}"/>
        <memberEnd xmi:idref="${U.bestuurd}"/>
        <navigableOwnedEnd xmi:idref="${U.bestuurd}"/>
        <ownedEnd xmi:type="uml:Property" xmi:id="${U.bestuurd}" name="gemeente" type="${U.gemeente}" association="${U.bestuurt}"/>
      </packagedElement>
      <packagedElement xmi:type="uml:Dependency" xmi:id="${U.afhankelijk1}" client="${U.ingezetene}" supplier="${U.gemeente}"/>
      <packagedElement xmi:type="uml:Dependency" xmi:id="${U.afhankelijk2}" client="${U.persoon}" supplier="${U.adresType}"/>
      <packagedElement xmi:type="uml:InstanceSpecification" xmi:id="${U.voorbeeld}" name="Jan" classifier="${U.persoon}"/>
      <ownedComment xmi:type="uml:Comment" xmi:id="${U.notitie}" body="Een notitie op het diagram."/>
      <packagedElement xmi:type="uml:Signal" xmi:id="${U.signaal}" name="Verhuisd"/>
    </packagedElement>
    <profileApplication xmi:type="uml:ProfileApplication" xmi:id="_profile-application">
      <appliedProfile href="http://www.geonovum.nl/MIM/profile/1.1.1#_mim"/>
    </profileApplication>
  </uml:Model>
  <MIM:Informatiemodel xmi:id="_s0" base_Package="${U.pkg}" Basis-URI="https://example.org/registratie" MIM_versie="1.1.1" versie="2.3"/>
  <MIM:Objecttype xmi:id="_s1" base_Class="${U.persoon}" Herkomst="BRP">
    <Toelichting>Ook wie niet meer leeft.</Toelichting>
  </MIM:Objecttype>
  <MIM:Objecttype xmi:id="_s2" base_Class="${U.ingezetene}"/>
  <MIM:Attribuutsoort xmi:id="_s3" base_Property="${U.naam}" Lengte="200" Authentiek="Authentiek" Indicatie_materiële_historie="Ja"/>
  <MIM:Attribuutsoort xmi:id="_s4" base_Property="${U.postcode}" Patroon="vier cijfers en twee letters"/>
  <MIM:Primitief_datatype xmi:id="_s5" base_PrimitiveType="${U.postcodeType}" Formeel_patroon="^[1-9][0-9]{3}[A-Z]{2}$"/>
  <MIM:Gestructureerd_datatype xmi:id="_s6" base_DataType="${U.adresType}"/>
  <MIM:Enumeratie xmi:id="_s7" base_Enumeration="${U.statusType}"/>
  <MIM:Relatiesoort xmi:id="_s8" base_Association="${U.woontIn}" Toelichting="Het woonadres."/>
</xmi:XMI>
`;
}
