/**
 * Stable heading anchors. Every heading in the generated pages carries an explicit anchor in attribute-list
 * syntax (`## Vroegsignaal {#objecttype-vroegsignaal}`), which MkDocs' `attr_list` and `toc` extensions turn
 * into the heading's id. Anchors of model elements come from the element's stable `id`, so they survive a
 * rename; anchors of message levels come from the wire path.
 */

/** A page's anchors: each one handed out once, in the order asked for, so the same model gives the same anchors. */
export class Ankers {
  private readonly genomen = new Set<string>();
  private readonly perSleutel = new Map<unknown, string>();

  /**
   * The anchor of `sleutel` (a model element by identity, or a section by name), made from `voorstel` the
   * first time it is asked for; a taken anchor gets a number.
   */
  anker(sleutel: unknown, voorstel: string): string {
    const bekend = this.perSleutel.get(sleutel);
    if (bekend !== undefined) return bekend;
    const basis = slug(voorstel) || 'sectie';
    let anker = basis;
    for (let n = 2; this.genomen.has(anker); n++) anker = `${basis}-${n}`;
    this.genomen.add(anker);
    this.perSleutel.set(sleutel, anker);
    return anker;
  }

  /** The anchor already handed out for `sleutel`, if any. */
  zoek(sleutel: unknown): string | undefined {
    return this.perSleutel.get(sleutel);
  }
}

/** Lower case ASCII letters, digits and single dashes: safe as an HTML id, a URL fragment and a CSS name. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
