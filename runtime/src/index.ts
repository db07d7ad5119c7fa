/**
 * @mimgen/runtime: what every package that mimgen generates runs on, the same for every model. A generated
 * package holds its model (types, mapping, tables, precompiled validators) and calls these engines with it:
 * the checks JSON Schema cannot express (controles), validate() (validatie) and the streaming validator of
 * deliveries of any size (stream, with its worker thread).
 */
export {
  controleer,
  doorloop,
  type DatumvolgordeRegel,
  type Fout,
  type Pad,
  type Regels,
  type UniekRegel,
  type VerwijzingRegel,
  type VoorwaardeRegel,
} from './controles.js';
export type { SchemaFout } from './schema-validator.js';
export {
  eenhedenValidator,
  maakMelding,
  maakValidate,
  type SchemaValidator,
  type Validatieresultaat,
} from './validatie.js';
export {
  leesBestand,
  streamValidatie,
  StreamValidator,
  valideerBron,
  valideerMetWerker,
  type EenheidPlan,
  type EenheidValidator,
  type LijstPlan,
  type StreamContext,
  type StreamFout,
  type StreamOpties,
  type StreamPlan,
  type StreamResultaat,
  type StreamValidatie,
  type Voortgang,
} from './stream.js';
