/** The validators of the units of the streaming validator, precompiled by Ajv. */
import type { EenheidValidator } from '@mimgen/runtime';
/** The "date" format check of the validators: the same verdict as ajv-formats' full "date". */
export declare function datumFormaat(s: string): boolean;
/** Levering (at leveringen.*) */
export declare const eenheid1: EenheidValidator;
/** Vroegsignaal (at leveringen.*.vroegsignalen.*) */
export declare const eenheid2: EenheidValidator;
/** Vroegsignaalzaak (at leveringen.*.vroegsignaalzaken.*) */
export declare const eenheid3: EenheidValidator;
