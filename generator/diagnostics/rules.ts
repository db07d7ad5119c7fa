/**
 * Every rule mimgen reports a finding under, with its severity and a line of documentation. A finding
 * names its rule by id, and the id's type is the keys of this table, so a misspelt or undeclared id does
 * not compile. The README's list of rules is generated from this table (scripts/rules-readme.ts), and
 * test/diagnostics/rules.test.ts makes every rule fire on a fixture.
 */

export type Severity = 'error' | 'warning';

/** The step of a command that reports the rule. */
export type Stage =
  | 'cli'
  | 'yaml'
  | 'informatiemodel'
  | 'uitwisselmodel'
  | 'api'
  | 'config'
  | 'generate'
  | 'import'
  | 'diff'
  | 'changelog'
  | 'release';

export interface RuleDefinition {
  /** The severities the rule is reported with; a few import rules are an error in one case and a warning in another. */
  readonly severity: Severity | 'error or warning';
  readonly stages: readonly Stage[];
  /** What is wrong, in a few words (the message itself says where and what to do). */
  readonly summary: string;
  /** One line of documentation: why the rule exists or what to do about it. */
  readonly doc: string;
}

export const RULES = {
  usage: {
    severity: 'error',
    stages: ['cli'],
    summary: 'a command-line option is missing or cannot be used',
    doc: 'The message names the option and what it takes.',
  },
  // YAML files of a model and of mimgen.config.yaml
  unreadable: {
    severity: 'error',
    stages: ['yaml', 'config'],
    summary: 'the input cannot be read at all',
    doc: 'A missing folder, a folder without .yaml files, binary data or bytes that are not UTF-8; nothing else is checked.',
  },
  'file-too-large': {
    severity: 'error',
    stages: ['yaml'],
    summary: 'a model file is larger than a model file may be',
    doc: 'Guards the parser against files no model needs; split the model over several files.',
  },
  'empty-file': {
    severity: 'error',
    stages: ['yaml', 'import'],
    summary: 'the file is empty or holds only comments',
    doc: 'An empty file is most often a mistake; give it content or remove it.',
  },
  'yaml-syntax': {
    severity: 'error',
    stages: ['yaml'],
    summary: 'the YAML cannot be parsed',
    doc: 'Bad indentation, an unclosed quote or bracket, a tab, a second document: the message names the first problem.',
  },
  'yaml-warning': {
    severity: 'warning',
    stages: ['yaml'],
    summary: 'the YAML parser warns',
    doc: 'Parses, but probably not as meant (an unknown tag, for instance).',
  },
  'duplicate-key': {
    severity: 'error',
    stages: ['yaml'],
    summary: 'a key appears twice in one mapping',
    doc: 'YAML parsers disagree on which one wins; keep one.',
  },
  'too-deep': {
    severity: 'error',
    stages: ['yaml'],
    summary: 'the YAML nests deeper than a model needs',
    doc: 'Guards the parser against nesting bombs.',
  },
  'too-many-aliases': {
    severity: 'error',
    stages: ['yaml'],
    summary: 'aliases expand to too many values',
    doc: 'Guards against alias bombs (billion laughs); write the values out.',
  },
  // The structure of the files (the format's JSON Schema)
  'unknown-key': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel', 'config', 'api'],
    summary: 'a key the format does not know',
    doc: 'Most often a typo; the message suggests the nearest known key.',
  },
  'missing-key': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel', 'api'],
    summary: 'a key the format requires is missing',
    doc: 'Such as the id of an objecttype, the type of an attribuutsoort or the naam of an added object.',
  },
  'invalid-value': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel', 'config', 'api'],
    summary: 'a value of the wrong type or form',
    doc: 'A list where a mapping belongs, an unknown enumeration value, a date that is not a date, an empty naam.',
  },
  // The informatiemodel
  'missing-informatiemodel': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'no file holds the informatiemodel section',
    doc: 'One file of a model says which informatiemodel it is (naam, versie, ...).',
  },
  'duplicate-informatiemodel': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'a second informatiemodel section',
    doc: 'A model has exactly one.',
  },
  'duplicate-id': {
    severity: 'error',
    stages: ['informatiemodel', 'import'],
    summary: 'an id is used twice',
    doc: 'Ids identify elements across versions (the diff pairs by id), so they must be unique.',
  },
  'duplicate-name': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel', 'api'],
    summary: 'a name is used twice where it must be unique',
    doc: 'Type names in the model, attribuutsoorten of an objecttype with what it inherits, enumeration values, wire names of a message object.',
  },
  'unsafe-name': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel'],
    summary: 'a name cannot become an identifier or wire name',
    doc: 'Control characters, reserved words, leading or trailing whitespace. Slashes are data: no file is named after a name.',
  },
  'missing-definitie': {
    severity: 'warning',
    stages: ['informatiemodel'],
    summary: 'an element has no definitie',
    doc: 'MIM requires a definitie for every model element; the documentation shows it.',
  },
  'wrong-kind': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'a reference names an element of the wrong kind',
    doc: 'A relatiesoort to a datatype, a supertype that is no objecttype, a gegevensgroep typed with anything but a gegevensgroeptype.',
  },
  'unresolved-reference': {
    severity: 'error',
    stages: ['informatiemodel', 'uitwisselmodel', 'api'],
    summary: 'a reference names nothing the model defines',
    doc: 'Most often a typo or a different case; the message suggests the nearest name.',
  },
  'ambiguous-reference': {
    severity: 'error',
    stages: ['uitwisselmodel'],
    summary: 'a name in the derivation fits more than one element',
    doc: 'A subtype and its supertype, or two supertypes, may each have a relatiesoort of that naam; refer to the one meant by its rol or its id.',
  },
  'gegevensgroep-in-derivation': {
    severity: 'error',
    stages: ['uitwisselmodel'],
    summary: 'a field of the derivation that names a gegevensgroep',
    doc: 'The derivation delivers attribuutsoorten and relatiesoorten, not gegevensgroepen yet: leave the field out (mimgen derive --scaffold lists them as left out), or model what the message needs as attribuutsoorten of the objecttype.',
  },
  'optional-key': {
    severity: 'error',
    stages: ['uitwisselmodel'],
    summary: 'a reference by key whose key field may be absent',
    doc: 'A reference is its key: mark the key field verplicht in the derivation (also when its attribuutsoort is 0..1), or refer by another key.',
  },
  'invalid-kardinaliteit': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'a kardinaliteit that is not one',
    doc: 'Written as 1, 0..1, 1..*, n..m with n <= m.',
  },
  'invalid-pattern': {
    severity: 'error',
    stages: ['informatiemodel', 'api'],
    summary: 'a formeelPatroon that is no regular expression',
    doc: 'The pattern goes into the JSON Schema and the validator as it is.',
  },
  'invalid-constraint': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'a constraint whose rule cannot be checked',
    doc: 'Such as a datumvolgorde between attribuutsoorten that are no dates.',
  },
  'generalisatie-cycle': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'an objecttype is its own supertype, directly or through others',
    doc: 'A chain of supertypen must end.',
  },
  'generalisatie-too-deep': {
    severity: 'error',
    stages: ['informatiemodel'],
    summary: 'a chain of supertypes longer than a model needs',
    doc: 'Guards the generators against chains no model needs.',
  },
  'enum-typed-as-text': {
    severity: 'warning',
    stages: ['informatiemodel'],
    summary: 'an attribuutsoort typed as text while an enumeratie of its name exists',
    doc: 'Type it with the enumeratie if its values are meant, so that the schema and the validator check them.',
  },
  // The derivation of the uitwisselmodel
  'conflicting-keys': {
    severity: 'error',
    stages: ['uitwisselmodel', 'api'],
    summary: 'a field of the derivation says where it comes from twice',
    doc: 'A field comes from one attribuutsoort, relatiesoort, gegevensgroep or addition.',
  },
  // mimgen.config.yaml
  'unknown-model': {
    severity: 'warning',
    stages: ['config'],
    summary: 'a package name is given for a model that does not exist',
    doc: 'Each key of packages is a folder under the models folder; the command runs on without it.',
  },
  // generate
  'missing-derivation': {
    severity: 'warning',
    stages: ['generate'],
    summary: 'a model has no uitwisselmodel.yaml',
    doc: 'generate writes what the informatiemodel alone gives (docs, types, informatiemodel.schema.json), no message; mimgen derive --scaffold starts a derivation.',
  },
  // diff
  'diff-input': {
    severity: 'error',
    stages: ['diff'],
    summary: 'a side of the diff cannot be read',
    doc: 'A file that is not JSON or not a JSON Schema (with the line and column), a model that does not load, an unknown revision.',
  },
  // changelog
  'previous-version': {
    severity: 'error',
    stages: ['changelog'],
    summary: 'the previous version named for the changelog cannot be used',
    doc: 'vorige-versie.json names the version the changelog compares with; fix or remove it.',
  },
  // releases
  'release-file': {
    severity: 'error',
    stages: ['release'],
    summary: "model/<name>/release.json cannot be used as the package's version",
    doc: 'mimgen release writes it as { "versie": "x.y.z" } (semver); generate and release read it. Fix it: the version of the last release, which its tag <package>@<version> names.',
  },
  // import-xmi
  'not-xml': {
    severity: 'error',
    stages: ['import'],
    summary: 'the file is not well-formed XML',
    doc: 'Nothing is imported.',
  },
  'bad-encoding': {
    severity: 'error',
    stages: ['import'],
    summary: 'the bytes do not match the declared encoding',
    doc: 'Nothing is imported; export again, or declare the encoding the file has.',
  },
  'unknown-encoding': {
    severity: 'error',
    stages: ['import'],
    summary: 'the XML declares an encoding the import cannot read',
    doc: 'UTF-8, UTF-16 and windows-1252 (what Enterprise Architect writes) are read.',
  },
  'not-xmi': {
    severity: 'error',
    stages: ['import'],
    summary: 'the XML is not an XMI export of a UML model',
    doc: 'Nothing is imported.',
  },
  'missing-package': {
    severity: 'error',
    stages: ['import'],
    summary: 'the package to import is not in the file',
    doc: 'Choose one with --package by name or id.',
  },
  'ambiguous-package': {
    severity: 'error',
    stages: ['import'],
    summary: 'several packages have the name asked for',
    doc: 'Choose one by id.',
  },
  'missing-id': {
    severity: 'error',
    stages: ['import'],
    summary: 'a UML element has no xmi:id',
    doc: 'The id becomes the model id, which the diff pairs versions by.',
  },
  'dangling-idref': {
    severity: 'error or warning',
    stages: ['import'],
    summary: 'an xmi:idref names no element of the file',
    doc: "A warning where Enterprise Architect's extension still describes the element, an error where nothing does.",
  },
  'unnamed-element': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a UML element without a name',
    doc: 'It is left out: a model element is known by its name.',
  },
  'name-whitespace': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a name with leading or trailing whitespace',
    doc: 'The whitespace is removed.',
  },
  referentielijst: {
    severity: 'warning',
    stages: ['import'],
    summary: 'a referentielijst, imported as a codelijst',
    doc: 'The model format has no referentielijst; its referentie-elementen are kept in a comment.',
  },
  'unknown-stereotype': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a stereotype that MIM does not define',
    doc: 'A class is imported as an objecttype, an association as a relatiesoort.',
  },
  'missing-stereotype': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a UML element without a MIM stereotype',
    doc: 'A class is imported as an objecttype, an enumeration as an enumeratie.',
  },
  'assumed-basis': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a datatype that says nothing about its values',
    doc: 'Imported with basis tekst; set the basis in the model if it is a number, date or boolean.',
  },
  'foreign-relation': {
    severity: 'warning',
    stages: ['import'],
    summary: 'an association from outside the imported package',
    doc: 'It is left out: the model keeps a relation with the objecttype it starts from.',
  },
  'unsupported-relation': {
    severity: 'warning',
    stages: ['import'],
    summary: 'an association that does not start at an objecttype',
    doc: 'The model format has relations only on objecttypen, so it is left out.',
  },
  'unnamed-relation': {
    severity: 'warning',
    stages: ['import'],
    summary: 'an association without a name, or an unnamed end whose name repeats on its objecttype',
    doc: "It is imported under a name made from its target; a relation whose name another relation of its objecttype has, and whose end has no role, gets UML's default end name (its target, first letter lowercase) as rol.",
  },
  relatieklasse: {
    severity: 'warning',
    stages: ['import'],
    summary: 'an association class, imported as a relatiesoort',
    doc: 'Its attributes are left out: the model format has no relatieklasse.',
  },
  'unsupported-generalisatie': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a generalisation that is not between objecttypen',
    doc: 'A generalisatie is between objecttypen, so it is left out.',
  },
  'missing-type': {
    severity: 'warning',
    stages: ['import'],
    summary: 'an attribute without a type',
    doc: 'It is imported as CharacterString; set its type in the model.',
  },
  'invalid-multiplicity': {
    severity: 'error',
    stages: ['import'],
    summary: 'a multiplicity that is not a kardinaliteit',
    doc: 'Such as a lower bound above the upper one. Imported as it stands, so that lint reports it until it is set.',
  },
  'unset-multiplicity': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a multiplicity of 0..0, what Enterprise Architect writes for an end left unset',
    doc: 'Imported as 0..0, which lint reports as an invalid kardinaliteit until it is set.',
  },
  'not-imported': {
    severity: 'warning',
    stages: ['import'],
    summary: 'UML elements the model format has no place for',
    doc: 'Operations, dependencies, comments and the like: counted by kind, so that nothing is dropped without a word.',
  },
  'invalid-tag': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a tagged value whose value the MIM metadata cannot hold',
    doc: 'The tag is left out; the message says what it holds and what MIM expects.',
  },
  'ignored-tag': {
    severity: 'warning',
    stages: ['import'],
    summary: 'tagged values the model format has no key for',
    doc: 'They are left out, and listed, so that nothing is dropped without a word.',
  },
  'external-reference': {
    severity: 'error',
    stages: ['import'],
    summary: 'a type outside the export is used',
    doc: 'Map it to a model element with --map or leave it out with --omit.',
  },
  'unused-mapping': {
    severity: 'warning',
    stages: ['import'],
    summary: 'a --map or --omit that matches nothing',
    doc: 'Most often a typo in the EA name or id.',
  },
  'unknown-map-target': {
    severity: 'error',
    stages: ['import'],
    summary: 'a --map target that neither the shared files nor the import define',
    doc: 'Map to a name the shared model files or the import define.',
  },
  'invalid-map-file': {
    severity: 'error',
    stages: ['import'],
    summary: 'the --map-file cannot be used',
    doc: 'A YAML mapping of EA names or ids to model names.',
  },
  'out-not-empty': {
    severity: 'error',
    stages: ['import'],
    summary: 'the output folder holds model files that no import wrote',
    doc: 'Choose another --out, or pass --replace.',
  },
  // import of MIM-XML
  'not-mim-xml': {
    severity: 'error',
    stages: ['import'],
    summary: 'the XML is not MIM-XML',
    doc: 'The root must be a MIM-XML element (mim:Informatiemodel, or one element such as mim:Objecttype) in a mim-core namespace. Nothing is imported.',
  },
  'mim-xml-structure': {
    severity: 'error or warning',
    stages: ['import'],
    summary: 'MIM-XML that deviates from the XSD',
    doc: 'A warning where the import reads past it (an element out of place, a value of the wrong form: left out); an error where an element lacks what the model needs (a naam, a type, a doel: the element is left out).',
  },
  'mim-xml-reference': {
    severity: 'error',
    stages: ['import'],
    summary: 'an xlink:href that names no element of the file',
    doc: 'Written by the name the reference gives, so that lint reports it until it names a model element.',
  },
  'mim-xml-not-mapped': {
    severity: 'warning',
    stages: ['import'],
    summary: 'MIM-XML content the model format has no place for',
    doc: 'Counted by kind (begrip, populatie, indicatieAfleidbaar, externe koppelingen, ...), so that nothing is dropped without a word; see the README on MIM-XML.',
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

/** The rules that may be reported as errors, and those that may be reported as warnings. */
export type ErrorRule = { [K in RuleId]: (typeof RULES)[K]['severity'] extends 'warning' ? never : K }[RuleId];
export type WarningRule = { [K in RuleId]: (typeof RULES)[K]['severity'] extends 'error' ? never : K }[RuleId];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
