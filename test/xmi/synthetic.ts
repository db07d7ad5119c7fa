/**
 * A synthetic Enterprise Architect XMI 2.1 export with the MIM profile, written the way EA writes one:
 * the UML part with packages, classes, attributes, associations, generalisations and enumerations, the
 * stereotypes as profile applications, and documentation, tags and connectors in xmi:Extension. Used by
 * the malformed-input corpus, the determinism tests and bench/import-xmi.ts. Ids are EA-style GUIDs made
 * from counters, so the same options give the same file.
 */
export interface SyntheticOptions {
  classes: number;
  attributesPerClass?: number;
  enumerations?: number;
  valuesPerEnumeration?: number;
  /** windows-1252 gives the declaration EA writes by default; the text is then encoded by the caller. */
  encoding?: 'UTF-8' | 'windows-1252';
  packageName?: string;
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
export const guid = (kind: number, n: number) =>
  `EAID_${hex(kind, 2)}${hex(n, 6)}_1A2B_4C3D_8E9F_${hex(kind * 1_000_000 + n, 12)}`;
const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const TYPES = ['String', 'int', 'boolean', 'Date', 'AN200', 'decimal'];

export function syntheticXmi(options: SyntheticOptions): string {
  const n = options.classes;
  const perClass = options.attributesPerClass ?? 4;
  const enums = options.enumerations ?? Math.max(1, Math.floor(n / 10));
  const values = options.valuesPerEnumeration ?? 5;
  const pkg = 'EAPK_00000001_1A2B_4C3D_8E9F_000000000001';
  const cls = (i: number) => guid(1, i);
  const attr = (i: number, j: number) => guid(2, i * 100 + j);
  const assoc = (i: number) => guid(3, i);
  const dst = (i: number) => assoc(i).replace('EAID_', 'EAID_dst');
  const src = (i: number) => assoc(i).replace('EAID_', 'EAID_src');
  const gen = (i: number) => guid(4, i);
  const en = (k: number) => guid(5, k);
  const lit = (k: number, v: number) => guid(6, k * 100 + v);
  const uml: string[] = [];
  const ext: string[] = [];
  const connectors: string[] = [];
  const profile: string[] = [];
  let li = 0;
  const mult = (lower: string, upper: string) =>
    `<lowerValue xmi:type="uml:LiteralInteger" xmi:id="EAID_LI${hex(++li, 6)}" value="${lower}"/><upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="EAID_LI${hex(++li, 6)}" value="${upper}"/>`;

  for (let i = 0; i < n; i++) {
    const naam = `Klasse${i}`;
    const attrs: string[] = [];
    const extAttrs: string[] = [];
    for (let j = 0; j < perClass; j++) {
      const enumTyped = j === perClass - 1 && enums > 0;
      const type = enumTyped ? en(i % enums) : `EAJava_${TYPES[(i + j) % TYPES.length]}`;
      const typeNaam = enumTyped ? `Enum${i % enums}` : TYPES[(i + j) % TYPES.length]!;
      const optional = (i + j) % 3 === 0;
      attrs.push(
        `\t\t\t\t<ownedAttribute xmi:type="uml:Property" xmi:id="${attr(i, j)}" name="attribuut${j}_${i}" visibility="private" isStatic="false" isReadOnly="false" isDerived="false" isOrdered="false" isUnique="true" isDerivedUnion="false">\n` +
          `\t\t\t\t\t<type xmi:idref="${type}"/>\n\t\t\t\t\t${mult(optional ? '0' : '1', '1')}\n\t\t\t\t</ownedAttribute>`,
      );
      extAttrs.push(
        `\t\t\t\t\t<attribute xmi:idref="${attr(i, j)}" name="attribuut${j}_${i}" scope="Private"><documentation value="Attribuut ${j} van ${naam}: &lt;b&gt;vet&lt;/b&gt; en &amp;#233;&#xA;&lt;ul&gt;&lt;li&gt;een&lt;/li&gt;&lt;li&gt;twee&lt;/li&gt;&lt;/ul&gt;"/>` +
          `<properties type="${esc(typeNaam)}"/><containment containment="Not Specified" position="${j}"/><stereotype stereotype="Attribuutsoort"/><bounds lower="${optional ? 0 : 1}" upper="1"/>` +
          `<tags><tag xmi:id="${guid(7, i * 100 + j)}" name="Herkomst" value="Synthetisch"/><tag xmi:id="${guid(8, i * 100 + j)}" name="Datum opname" value="01-02-2024"/></tags></attribute>`,
      );
      profile.push(`\t\t<MIM:Attribuutsoort base_Property="${attr(i, j)}" Mogelijk_geen_waarde="Nee"/>`);
    }
    if (i + 1 < n) {
      attrs.push(
        `\t\t\t\t<ownedAttribute xmi:type="uml:Property" xmi:id="${dst(i)}" visibility="public" association="${assoc(i)}" isStatic="false" aggregation="none">\n` +
          `\t\t\t\t\t<type xmi:idref="${cls(i + 1)}"/>\n\t\t\t\t\t${mult('0', '-1')}\n\t\t\t\t</ownedAttribute>`,
      );
    }
    const generalisation =
      i > 0 && i % 7 === 0
        ? `\t\t\t\t<generalization xmi:type="uml:Generalization" xmi:id="${gen(i)}" general="${cls(i - 1)}"/>\n`
        : '';
    uml.push(
      `\t\t\t<packagedElement xmi:type="uml:Class" xmi:id="${cls(i)}" name="${naam}" visibility="public">\n${attrs.join('\n')}\n${generalisation}\t\t\t</packagedElement>`,
    );
    if (i + 1 < n) {
      uml.push(
        `\t\t\t<packagedElement xmi:type="uml:Association" xmi:id="${assoc(i)}" name="verwijstNaar" visibility="public">\n` +
          `\t\t\t\t<memberEnd xmi:idref="${dst(i)}"/>\n\t\t\t\t<memberEnd xmi:idref="${src(i)}"/>\n` +
          `\t\t\t\t<ownedEnd xmi:type="uml:Property" xmi:id="${src(i)}" visibility="public" association="${assoc(i)}" aggregation="none">\n` +
          `\t\t\t\t\t<type xmi:idref="${cls(i)}"/>\n\t\t\t\t\t${mult('1', '1')}\n\t\t\t\t</ownedEnd>\n\t\t\t</packagedElement>`,
      );
      connectors.push(
        `\t\t\t<connector xmi:idref="${assoc(i)}" name="verwijstNaar"><source xmi:idref="${cls(i)}"><model type="Class" name="${naam}"/><role visibility="Public"/><type multiplicity="1" aggregation="none"/><modifiers isNavigable="false"/><documentation/><tags/></source>` +
          `<target xmi:idref="${cls(i + 1)}"><model type="Class" name="Klasse${i + 1}"/><role name="volgende${i}" visibility="Public"/><type multiplicity="0..*" aggregation="none"/><modifiers isNavigable="true"/><documentation/><tags/></target>` +
          `<properties ea_type="Association" stereotype="Relatiesoort" direction="Source -&gt; Destination"/><documentation value="Verwijst naar de volgende klasse."/><tags/></connector>`,
      );
      profile.push(`\t\t<MIM:Relatiesoort base_Association="${assoc(i)}"/>`);
    }
    if (generalisation) {
      connectors.push(
        `\t\t\t<connector xmi:idref="${gen(i)}"><source xmi:idref="${cls(i)}"><model type="Class" name="${naam}"/></source><target xmi:idref="${cls(i - 1)}"><model type="Class" name="Klasse${i - 1}"/></target><properties ea_type="Generalization" direction="Source -&gt; Destination"/></connector>`,
      );
    }
    ext.push(
      `\t\t\t<element xmi:idref="${cls(i)}" xmi:type="uml:Class" name="${naam}" scope="public"><model package="${pkg}" tpos="0" ea_localid="${i + 10}" ea_eleType="element"/>` +
        `<properties documentation="Een synthetische klasse met nummer ${i}." isSpecification="false" sType="Class" nType="0" scope="public" stereotype="Objecttype"/>` +
        `<tags><tag xmi:id="${guid(9, i)}" name="Herkomst" value="Synthetisch#NOTES#Description: De registratie waaraan het element ontleend is.&#xA;"/><tag xmi:id="${guid(10, i)}" name="Toelichting" value="&lt;memo&gt;#NOTES#Toelichting bij ${naam}."/></tags>\n` +
        `\t\t\t\t<attributes>\n${extAttrs.join('\n')}\n\t\t\t\t</attributes>\n\t\t\t</element>`,
    );
    profile.push(`\t\t<MIM:Objecttype base_Class="${cls(i)}"/>`);
  }
  for (let k = 0; k < enums; k++) {
    const lits = Array.from(
      { length: values },
      (_, v) =>
        `\t\t\t\t<ownedLiteral xmi:type="uml:EnumerationLiteral" xmi:id="${lit(k, v)}" name="Waarde ${v}" visibility="public"/>`,
    );
    uml.push(
      `\t\t\t<packagedElement xmi:type="uml:Enumeration" xmi:id="${en(k)}" name="Enum${k}" visibility="public">\n${lits.join('\n')}\n\t\t\t</packagedElement>`,
    );
    const extLits = Array.from(
      { length: values },
      (_, v) =>
        `<attribute xmi:idref="${lit(k, v)}" name="Waarde ${v}" scope="Public"><documentation value="De waarde ${v}."/><properties type=""/><containment position="${v}"/></attribute>`,
    );
    ext.push(
      `\t\t\t<element xmi:idref="${en(k)}" xmi:type="uml:Enumeration" name="Enum${k}" scope="public"><properties documentation="Enumeratie ${k}." sType="Enumeration" stereotype="Enumeratie"/><tags/><attributes>${extLits.join('')}</attributes></element>`,
    );
    profile.push(`\t\t<MIM:Enumeratie base_Enumeration="${en(k)}"/>`);
  }
  const primitives = TYPES.map(
    (t) => `<packagedElement xmi:type="uml:PrimitiveType" xmi:id="EAJava_${t}" name="${t}" visibility="public"/>`,
  ).join('');
  return [
    `<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?>`,
    '<xmi:XMI xmi:version="2.1" xmlns:uml="http://schema.omg.org/spec/UML/2.1" xmlns:xmi="http://schema.omg.org/spec/XMI/2.1" xmlns:MIM="http://www.sparxsystems.com/profiles/MIM/1.1.1">',
    '\t<xmi:Documentation exporter="Enterprise Architect" exporterVersion="6.5" exporterID="1704"/>',
    '\t<uml:Model xmi:type="uml:Model" name="EA_Model" visibility="public">',
    `\t\t<packagedElement xmi:type="uml:Package" xmi:id="${pkg}" name="${options.packageName ?? 'Synthetisch model'}" visibility="public">`,
    ...uml,
    '\t\t</packagedElement>',
    ...profile,
    '\t</uml:Model>',
    '\t<xmi:Extension extender="Enterprise Architect" extenderID="6.5">',
    '\t\t<elements>',
    `\t\t\t<element xmi:idref="${pkg}" xmi:type="uml:Package" name="${options.packageName ?? 'Synthetisch model'}" scope="public"><properties documentation="Een synthetisch model." stereotype="Informatiemodel"/><packageproperties version="2.0"/><tags/></element>`,
    ...ext,
    '\t\t</elements>',
    '\t\t<connectors>',
    ...connectors,
    '\t\t</connectors>',
    `\t\t<primitivetypes><packagedElement xmi:type="uml:Package" xmi:id="EAPrimitiveTypesPackage" name="EA_PrimitiveTypes_Package" visibility="public"><packagedElement xmi:type="uml:Package" xmi:id="EAJavaTypesPackage" name="EA_Java_Types_Package" visibility="public">${primitives}</packagedElement></packagedElement></primitivetypes>`,
    '\t</xmi:Extension>',
    '</xmi:XMI>',
    '',
  ].join('\n');
}
