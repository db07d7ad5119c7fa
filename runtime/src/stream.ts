/**
 * Streaming validation of a delivery of any size, the same for every model: the model's plan says where
 * the records are (each Vroegsignaal, each Schuldhulptraject), and the precompiled validators check each
 * part as it arrives.
 *
 * Two halves, connected by a small set of events (Ontvanger):
 * - the Scanner runs over the bytes. Outside the records it is a full JSON state machine (the envelope:
 *   the message and each Levering, their keys, their nesting) that copies the envelope's bytes aside, each
 *   streamed list replaced by `[]`. Inside a record list it only finds where each record begins and ends
 *   (strings, escapes, brackets) and counts its keys and lines;
 * - the Controleur parses each record's bytes with `JSON.parse` (native speed), validates it with its
 *   precompiled validator, runs the model's rules, and keeps only what the checks across records need:
 *   the keys per Levering and the references still open.
 * In one thread the Scanner calls the Controleur directly (StreamValidator, for feeding chunk by chunk); with
 * a worker thread the Scanner reads and scans on one core while the Controleur validates on the other.
 *
 * Every error carries its JSON pointer, the line and column in the file (columns in UTF-16 code units, as
 * editors count them) and a message in the model's terms. Memory is bounded by the largest record or
 * envelope part (`maxRecordBytes`), the keys of one Levering and the errors kept (`maxErrors`), not by the
 * size of the file.
 *
 * The parts, in stream/: types.ts (the plan, options, result and the Ontvanger's events), utf8.ts,
 * json-text.ts (reading a record's text again for an error's position), the Scanner in three layers
 * (scanner-input.ts: bytes, UTF-8 and positions; scanner-structure.ts: the envelope; scanner.ts: the
 * records), rules.ts (the rules split over the units), verwerker.ts and controleur.ts (validation),
 * worker.ts (the two threads) and validator.ts (the entry points). This module is their public face.
 */
export { Controleur } from './stream/controleur.js';
export type { ScanOpties } from './stream/scanner-input.js';
export { Scanner } from './stream/scanner.js';
export type {
  EenheidPlan,
  EenheidValidator,
  LijstPlan,
  Ontvanger,
  Positie,
  RecordReeks,
  Segment,
  StreamFout,
  StreamOpties,
  StreamPlan,
  StreamResultaat,
  Voortgang,
} from './stream/types.js';
export {
  leesBestand,
  streamValidatie,
  StreamValidator,
  valideerBron,
  type StreamValidatie,
} from './stream/validator.js';
export type { RecordLijst, RecordUitkomst } from './stream/verwerker.js';
export { valideerMetWerker, werk, type StreamContext, type WerkOpdracht, type WerkPoort } from './stream/worker.js';
