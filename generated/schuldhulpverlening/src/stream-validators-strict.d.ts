/** The validators of the units of the streaming validator, precompiled by Ajv. */
import type { EenheidValidator } from '@mimgen/runtime';
/** The "date" format check of the validators: the same verdict as ajv-formats' full "date". */
export declare function datumFormaat(s: string): boolean;
/** Levering (at leveringen.*) */
export declare const eenheid1: EenheidValidator;
/** Schuldhulptraject (at leveringen.*.schuldhulptrajecten.*) */
export declare const eenheid2: EenheidValidator;
