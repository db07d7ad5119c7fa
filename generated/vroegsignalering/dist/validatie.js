/**
 * Validation as every generated package does it: the precompiled schema validators first, then the checks
 * JSON Schema cannot express; schema errors told in the model's terms. What differs per model (the tables
 * of fields, objects and rules, the validators) is passed in by validate.ts.
 */
import { controleer } from './controles.js';
export function maakValidate(schemaValidate, regels, melding) {
    return (value) => {
        if (!schemaValidate(value)) {
            return { valid: false, errors: (schemaValidate.errors ?? []).map(melding) };
        }
        const errors = controleer(value, regels);
        return { valid: errors.length === 0, errors };
    };
}
/**
 * The compat schema's validator for a message in memory, made of the validators of the streaming plan's
 * units: the envelope, each Levering and each record validated by its own precompiled validator, and the
 * streamed lists' minItems, maxItems and uniqueItems checked here, as the streaming validator does. One set
 * of validators for both, so that validate() and validateStream() cannot disagree; errors as Ajv's, with
 * the pointer from the message's root.
 */
export function eenhedenValidator(plan, validators) {
    const valideer = (eenheid, waarde, pointer, fouten) => {
        const e = plan.eenheden[eenheid];
        const validator = validators[e.validator];
        if (!validator(waarde))
            for (const f of validator.errors ?? [])
                fouten.push({ ...f, instancePath: pointer + f.instancePath });
        for (const lp of e.lijsten) {
            let lijst = waarde;
            for (const naam of lp.pad)
                lijst = isObject(lijst) && Object.hasOwn(lijst, naam) ? lijst[naam] : undefined;
            // Absent or not a list: the unit's own validator has said so.
            if (!Array.isArray(lijst))
                continue;
            const lijstPointer = pointer + lp.pad.map((naam) => `/${naam.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
            const fout = (keyword, params, message) => fouten.push({ instancePath: lijstPointer, schemaPath: '', keyword, params, message });
            if (lp.minItems !== undefined && lijst.length < lp.minItems)
                fout('minItems', { limit: lp.minItems }, `must NOT have fewer than ${lp.minItems} items`);
            if (lp.maxItems !== undefined && lijst.length > lp.maxItems)
                fout('maxItems', { limit: lp.maxItems }, `must NOT have more than ${lp.maxItems} items`);
            if (lp.uniqueItems) {
                const dubbel = laatsteDubbele(lijst);
                if (dubbel)
                    fout('uniqueItems', dubbel, `must NOT have duplicate items (items ## ${dubbel.j} and ${dubbel.i} are identical)`);
            }
            lijst.forEach((item, i) => valideer(lp.eenheid, item, `${lijstPointer}/${i}`, fouten));
        }
    };
    const validate = (data) => {
        const fouten = [];
        valideer(0, data, '', fouten);
        validate.errors = fouten.length > 0 ? fouten : null;
        return fouten.length === 0;
    };
    return validate;
}
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
/**
 * The pair of equal items Ajv's uniqueItems reports: the last item that equals an earlier one, and the
 * nearest earlier one it equals. A short list is compared pair by pair, as Ajv does; a long one in one pass
 * by the items' canonical JSON (keys sorted), which is equal exactly when the values are deeply equal.
 */
function laatsteDubbele(lijst) {
    if (lijst.length <= 16) {
        for (let i = lijst.length - 1; i > 0; i--)
            for (let j = i - 1; j >= 0; j--)
                if (gelijk(lijst[i], lijst[j]))
                    return { i, j };
        return undefined;
    }
    const gezien = new Map();
    let dubbel;
    lijst.forEach((item, i) => {
        const sleutel = canoniek(item);
        const j = gezien.get(sleutel);
        if (j !== undefined)
            dubbel = { i, j };
        gezien.set(sleutel, i);
    });
    return dubbel;
}
/** Deep equality of JSON values: objects by their keys whatever the order, lists in order. */
function gelijk(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a))
        return Array.isArray(b) && a.length === b.length && a.every((x, i) => gelijk(x, b[i]));
    if (!isObject(a) || !isObject(b))
        return false;
    const sleutels = Object.keys(a);
    return sleutels.length === Object.keys(b).length && sleutels.every((k) => Object.hasOwn(b, k) && gelijk(a[k], b[k]));
}
function canoniek(x) {
    if (Array.isArray(x))
        return `[${x.map(canoniek).join(',')}]`;
    if (isObject(x)) {
        return `{${Object.keys(x)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canoniek(x[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(x) ?? 'undefined';
}
/** A JSON pointer with every list index replaced by `*`, as the tables name places in the message. */
function patroon(pointer) {
    return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}
const SOORTEN = {
    string: 'tekst',
    integer: 'een geheel getal',
    number: 'een getal',
    boolean: 'true of false',
    object: 'een object',
    array: 'een lijst',
};
function soort(type) {
    return type
        .split(',')
        .map((t) => SOORTEN[t] ?? t)
        .join(' of ');
}
/**
 * Tells a schema error in the model's terms. `velden` says what each field is in the informatiemodel,
 * `objecten` the type of each object, both by place in the message (JSON pointer, `*` for list items).
 */
export function maakMelding(velden, objecten) {
    return (e) => {
        const path = e.instancePath === '' ? '/' : e.instancePath;
        const pad = patroon(e.instancePath);
        const wat = velden[pad] ?? objecten[pad] ?? (pad === '' ? objecten[''] : pad) ?? pad;
        const object = objecten[pad] ?? wat;
        const p = e.params;
        switch (e.keyword) {
            case 'required':
                return { path, element: object, message: `${object} mist het verplichte veld "${String(p.missingProperty)}"` };
            case 'additionalProperties':
                return { path, element: object, message: `${object} kent geen veld "${String(p.additionalProperty)}"` };
            case 'enum':
                return { path, element: wat, message: `${wat}: de waarde komt niet voor in de lijst (${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')})` };
            case 'type':
                return { path, element: wat, message: `${wat} moet ${soort(String(p.type))} zijn` };
            case 'format':
                return { path, element: wat, message: `${wat} is geen geldige ${String(p.format)}` };
            case 'minItems':
                return { path, element: wat, message: `${wat} moet minstens ${String(p.limit)} element(en) bevatten` };
            case 'maxItems':
                return { path, element: wat, message: `${wat} mag hoogstens ${String(p.limit)} element(en) bevatten` };
            case 'uniqueItems':
                return { path, element: wat, message: `${wat} bevat twee gelijke elementen (nummer ${Number(p.j) + 1} en ${Number(p.i) + 1})` };
            default:
                return { path, element: wat, message: `${wat}: ${e.message ?? e.keyword}` };
        }
    };
}
