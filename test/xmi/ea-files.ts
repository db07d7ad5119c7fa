/**
 * Building blocks of Enterprise Architect XMI 2.1 exports written the way EA writes them, with its quirks
 * (literals with xmi:id="", ends with multiplicity 0..0): used by ea-quirks.test.ts and, through quirksXmi,
 * by the fuzz test.
 */
export const PKG = 'EAPK_0000000A_1A2B_4C3D_8E9F_00000000000A';
export const id = (n: number) =>
  `EAID_${n.toString(16).toUpperCase().padStart(8, '0')}_1A2B_4C3D_8E9F_${n.toString(16).toUpperCase().padStart(12, '0')}`;

/** An EA export of one package "Eigenaardigheden": the UML part, the profile applications and the extension. */
export function eaFile(uml: string, profile: string, elements: string, connectors = ''): string {
  return `<?xml version="1.0" encoding="windows-1252"?>
<xmi:XMI xmi:version="2.1" xmlns:uml="http://schema.omg.org/spec/UML/2.1" xmlns:xmi="http://schema.omg.org/spec/XMI/2.1" xmlns:MIM="http://www.sparxsystems.com/profiles/MIM/1.1.1">
	<xmi:Documentation exporter="Enterprise Architect" exporterVersion="6.5" exporterID="1558"/>
	<uml:Model xmi:type="uml:Model" name="EA_Model" visibility="public">
		<packagedElement xmi:type="uml:Package" xmi:id="${PKG}" name="Eigenaardigheden" visibility="public">
${uml}
		</packagedElement>
${profile}
	</uml:Model>
	<xmi:Extension extender="Enterprise Architect" extenderID="6.5">
		<elements>
			<element xmi:idref="${PKG}" xmi:type="uml:Package" name="Eigenaardigheden" scope="public"><properties stereotype="Informatiemodel"/><packageproperties version="1.0"/></element>
${elements}
		</elements>
		<connectors>
${connectors}
		</connectors>
	</xmi:Extension>
</xmi:XMI>
`;
}

/** An objecttype with attributes typed by EA's Java types or by a classifier of the file. */
export function klasse(
  n: number,
  naam: string,
  attributes: { n: number; naam: string; type: string; lower?: string }[],
): string {
  const attrs = attributes.map(
    (a) => `				<ownedAttribute xmi:type="uml:Property" xmi:id="${id(a.n)}" name="${a.naam}" visibility="private">
					<type xmi:idref="${a.type}"/>
					<lowerValue xmi:type="uml:LiteralInteger" xmi:id="${id(a.n)}_L" value="${a.lower ?? '1'}"/>
					<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="${id(a.n)}_U" value="1"/>
				</ownedAttribute>`,
  );
  return `			<packagedElement xmi:type="uml:Class" xmi:id="${id(n)}" name="${naam}" visibility="public">\n${attrs.join('\n')}\n			</packagedElement>`;
}

/** EA's literals as ownedAttributes, each with xmi:id="" and its bounds with xmi:id="" too. */
export function enumeratie(n: number, naam: string, waarden: string[]): string {
  const literals = waarden.map(
    (w) => `				<ownedAttribute xmi:type="uml:Property" xmi:id="" name="${w}" visibility="public" isStatic="true">
					<lowerValue xmi:type="uml:LiteralInteger" xmi:id="" value="1"/>
					<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="" value="1"/>
				</ownedAttribute>`,
  );
  return `			<packagedElement xmi:type="uml:Enumeration" xmi:id="${id(n)}" name="${naam}" visibility="public">\n${literals.join('\n')}\n			</packagedElement>`;
}

/** A file with both quirks: 20 literals with xmi:id="" and an association end with multiplicity 0..0. */
export function quirksXmi(): string {
  const assoc = id(20);
  const uml = [
    klasse(1, 'Zaak', [{ n: 2, naam: 'status', type: id(10) }]).replace(
      '\t\t\t</packagedElement>',
      `				<ownedAttribute xmi:type="uml:Property" xmi:id="EAID_dst000020" visibility="public" association="${assoc}">
					<type xmi:idref="${id(5)}"/>
					<lowerValue xmi:type="uml:LiteralInteger" xmi:id="EAID_LI_dst_L" value="0"/>
					<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="EAID_LI_dst_U" value="0"/>
				</ownedAttribute>
			</packagedElement>`,
    ),
    klasse(5, 'Betrokkene', [{ n: 6, naam: 'rol', type: 'EAJava_String' }]),
    `			<packagedElement xmi:type="uml:Association" xmi:id="${assoc}" name="heeftBetrokkene" visibility="public">
				<memberEnd xmi:idref="EAID_dst000020"/>
				<memberEnd xmi:idref="EAID_src000020"/>
				<ownedEnd xmi:type="uml:Property" xmi:id="EAID_src000020" visibility="public" association="${assoc}">
					<type xmi:idref="${id(1)}"/>
				</ownedEnd>
			</packagedElement>`,
    enumeratie(
      10,
      'Status',
      Array.from({ length: 20 }, (_, i) => `Waarde ${i}`),
    ),
  ].join('\n');
  return eaFile(
    uml,
    [1, 5].map((n) => `\t\t<MIM:Objecttype base_Class="${id(n)}"/>`).join('\n') +
      `\n\t\t<MIM:Enumeratie base_Enumeration="${id(10)}"/>\n\t\t<MIM:Relatiesoort base_Association="${assoc}"/>`,
    `\t\t\t<element xmi:idref="${id(1)}" xmi:type="uml:Class" name="Zaak"><properties documentation="Een zaak." stereotype="Objecttype"/></element>`,
  );
}
