import type { EenheidValidator, Fout, Regels, SchemaFout, StreamContext, StreamPlan } from '@mimgen/runtime';
export declare const bibliotheek: EenheidValidator;
export declare const boek: EenheidValidator;
export declare const STREAM_PLAN: StreamPlan;
export declare const VALIDATORS: Readonly<Record<string, EenheidValidator>>;
export declare const REGELS: Regels;
export declare const VELDEN: Readonly<Record<string, string>>;
export declare const OBJECTEN: Readonly<Record<string, string>>;
export declare const STREAM_CONTEXT: StreamContext & { melding: (e: SchemaFout) => Fout };
