/**
 * The checks that JSON Schema cannot express, run over a message that the schema has accepted. The rules
 * are data, generated from the model (see validate.ts); this engine is the same for every model.
 */
/** A path into the message by segments; `*` stands for every item of a list. */
export type Pad = readonly string[];
export interface Fout {
    /** JSON pointer to the value concerned. */
    path: string;
    message: string;
    /** The model element the rule comes from, as `Objecttype.attribuutsoort` or the constraint's name. */
    element: string;
}
/** Key values that must be unique within each scope (each Levering). */
export interface UniekRegel {
    scope: Pad;
    scopeNaam: string;
    sleutels: Pad;
    objecttype: string;
    element: string;
}
/** References by key that must name an object in the same scope. */
export interface VerwijzingRegel {
    scope: Pad;
    scopeNaam: string;
    sleutels: Pad;
    verwijzingen: Pad;
    bron: string;
    doel: string;
    element: string;
}
/** A date that may not lie before another date of the same object. */
export interface DatumvolgordeRegel {
    object: Pad;
    objecttype: string;
    vroegste: string;
    laatste: string;
    element: string;
    specificatie: string;
}
/** When one field has a given value, another must have a value. */
export interface VoorwaardeRegel {
    object: Pad;
    objecttype: string;
    als: string;
    waarde: string | number | boolean;
    vereist: string;
    element: string;
    specificatie: string;
}
export interface Regels {
    uniek: readonly UniekRegel[];
    verwijzingen: readonly VerwijzingRegel[];
    datumvolgorde: readonly DatumvolgordeRegel[];
    voorwaarden: readonly VoorwaardeRegel[];
}
/** Every value at `pad` below `value`, with its JSON pointer. */
export declare function doorloop(value: unknown, pad: Pad, pointer?: string): Generator<[unknown, string]>;
export declare function controleer(bericht: unknown, regels: Regels): Fout[];
