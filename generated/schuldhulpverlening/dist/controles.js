/**
 * The checks that JSON Schema cannot express, run over a message that the schema has accepted. The rules
 * are data, generated from the model (see validate.ts); this engine is the same for every model.
 */
/** Every value at `pad` below `value`, with its JSON pointer. */
export function* doorloop(value, pad, pointer = '') {
    if (pad.length === 0) {
        yield [value, pointer];
        return;
    }
    const [head, ...rest] = pad;
    if (head === '*') {
        if (!Array.isArray(value))
            return;
        for (let i = 0; i < value.length; i++)
            yield* doorloop(value[i], rest, `${pointer}/${i}`);
        return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return;
    if (!Object.prototype.hasOwnProperty.call(value, head))
        return;
    yield* doorloop(value[head], rest, `${pointer}/${segment(head)}`);
}
function segment(naam) {
    return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}
function veld(object, naam) {
    return Object.prototype.hasOwnProperty.call(object, naam) ? object[naam] : undefined;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function controleer(bericht, regels) {
    const fouten = [];
    for (const r of regels.uniek) {
        for (const [scope, scopePointer] of doorloop(bericht, r.scope)) {
            const gezien = new Map();
            for (const [sleutel, pointer] of doorloop(scope, r.sleutels, scopePointer)) {
                if (typeof sleutel !== 'string' && typeof sleutel !== 'number')
                    continue;
                const eerder = gezien.get(String(sleutel));
                if (eerder !== undefined) {
                    fouten.push({
                        path: pointer,
                        element: r.element,
                        message: `${r.element} ${JSON.stringify(sleutel)} komt in deze ${r.scopeNaam} al voor (${eerder}); elk ${r.objecttype} in een ${r.scopeNaam} heeft een eigen ${r.element.split('.').pop()}`,
                    });
                }
                else {
                    gezien.set(String(sleutel), pointer);
                }
            }
        }
    }
    for (const r of regels.verwijzingen) {
        for (const [scope, scopePointer] of doorloop(bericht, r.scope)) {
            const bekend = new Set();
            for (const [sleutel] of doorloop(scope, r.sleutels, scopePointer)) {
                if (typeof sleutel === 'string' || typeof sleutel === 'number')
                    bekend.add(String(sleutel));
            }
            for (const [verwijzing, pointer] of doorloop(scope, r.verwijzingen, scopePointer)) {
                if ((typeof verwijzing === 'string' || typeof verwijzing === 'number') && !bekend.has(String(verwijzing))) {
                    fouten.push({
                        path: pointer,
                        element: r.element,
                        message: `${r.bron} verwijst naar ${r.doel} ${JSON.stringify(verwijzing)}, maar die ${r.doel} staat niet in dezelfde ${r.scopeNaam}`,
                    });
                }
            }
        }
    }
    for (const r of regels.datumvolgorde) {
        for (const [object, pointer] of doorloop(bericht, r.object)) {
            if (!isObject(object))
                continue;
            const vroegste = veld(object, r.vroegste);
            const laatste = veld(object, r.laatste);
            // Dates and date-times in ISO 8601 order as text; only values the schema accepted reach this point.
            if (typeof vroegste === 'string' && typeof laatste === 'string' && laatste < vroegste) {
                fouten.push({
                    path: `${pointer}/${segment(r.laatste)}`,
                    element: r.element,
                    message: `${r.objecttype}: ${r.laatste} (${laatste}) ligt voor ${r.vroegste} (${vroegste}); ${r.specificatie}`,
                });
            }
        }
    }
    for (const r of regels.voorwaarden) {
        for (const [object, pointer] of doorloop(bericht, r.object)) {
            if (!isObject(object))
                continue;
            const vereist = veld(object, r.vereist);
            if (veld(object, r.als) === r.waarde && (vereist === undefined || vereist === null || vereist === '')) {
                fouten.push({
                    path: `${pointer}/${segment(r.als)}`,
                    element: r.element,
                    message: `${r.objecttype}: ${r.als} is ${JSON.stringify(r.waarde)} terwijl ${r.vereist} geen waarde heeft; ${r.specificatie}`,
                });
            }
        }
    }
    return fouten;
}
