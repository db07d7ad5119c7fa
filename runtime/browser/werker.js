// The validator page's Web Worker, model-independent. The page posts a File; this worker validates it with
// the runtime's stream engine (the same Scanner and Controleur as in Node) and posts progress (bytes,
// records) at most ten times a second, then the result. The model's part (plan, validators, rules, messages)
// comes from the generated package, bundled with this file by mimgen generate.
//
// Two stages, as `mimgen validate` in Node: a second worker of this same script reads the file (File.stream())
// and scans it (Scanner, Doorgever); this one replays what it found on its Controleur (speel). The chunks
// travel as transferred buffers; each one is acknowledged with this worker's busy time, so that the
// scanning worker validates a chunk's records itself while this one is the busier (the balance of
// runtime/src/stream/doorgever.ts), and keeps at most IN_FLIGHT chunks underway. The file can be read again
// (FileReaderSync), so the records' bytes are hashed only when two units look alike, as for a file in Node.
// Where a worker cannot start a worker of its own, one worker does both stages.
import { Controleur } from '../dist/stream/controleur.js';
import { Doorgever, speel } from '../dist/stream/doorgever.js';
import { Scanner } from '../dist/stream/scanner.js';
import { Verwerker } from '../dist/stream/verwerker.js';
import { createHash } from './crypto.js';

/** Bytes read at a time when the file is read again. */
const CHUNK = 1 << 20;
/** Chunks underway between the workers: bounds the memory they hold together. */
const IN_FLIGHT = 8;

/** The hash of a byte range of the file, read again (synchronously, as the Controleur asks for it). */
function herlezer(bestand) {
  if (typeof FileReaderSync === 'undefined') return undefined;
  return (van, tot) => {
    const lezer = new FileReaderSync();
    const h = createHash('sha1');
    for (let p = van; p < tot; p += CHUNK)
      h.update(new Uint8Array(lezer.readAsArrayBuffer(bestand.slice(p, Math.min(tot, p + CHUNK)))));
    return h.digest('base64');
  };
}

/**
 * The file in chunks as File.stream() gives them (up to 1 MiB in Chromium), each in an ArrayBuffer of its own
 * to transfer. The stream reads ahead while a chunk is scanned; a Blob.slice() per chunk costs the browser a
 * round trip each (several ms in Chromium).
 */
async function* plakken(bestand) {
  const lezer = bestand.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await lezer.read();
      if (done) return;
      if (value.byteLength === 0) continue;
      yield value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
    }
  } finally {
    lezer.releaseLock();
  }
}

const leesfout = (e) => `het bestand kon niet worden gelezen: ${e && e.message ? e.message : e}`;

/** The scanning stage, in the second worker: a task, its chunks acknowledged one by one; `einde` when done. */
function scanTaak(context, poort, taak, einde) {
  const { id, bestand, opties, verdeling } = taak;
  // This worker's busy time is all its time but the waits for acknowledgements: reading File.stream() costs
  // this thread about as much as scanning, and it happens while awaiting the next chunk.
  const begin = performance.now();
  let gewacht = 0;
  let tijdDaar = 0;
  let gestuurd = 0;
  let erkend = 0;
  let verder = null;
  const verwerker = new Verwerker(context.plan, context.validators, context.regels, context.melding);
  const zelf =
    verdeling === 'werker'
      ? () => true
      : verdeling === 'hoofd'
        ? () => false
        : () => tijdDaar > performance.now() - begin - gewacht;
  const doorgever = new Doorgever(context.plan, verwerker, zelf);
  const scanner = new Scanner(context.plan, opties, doorgever);
  const erken = (m) => {
    erkend++;
    tijdDaar = m.ms;
    if (m.stop) doorgever.stop = true;
    const v = verder;
    verder = null;
    v?.();
  };
  const loop = async () => {
    try {
      for await (const chunk of plakken(bestand)) {
        if (gestuurd - erkend >= IN_FLIGHT) {
          const wacht = performance.now();
          while (gestuurd - erkend >= IN_FLIGHT && !doorgever.stop) await new Promise((r) => (verder = r));
          gewacht += performance.now() - wacht;
        }
        if (doorgever.stop || scanner.gestopt) break;
        scanner.write(chunk);
        const { gebeurtenissen, overdracht } = doorgever.neem();
        gestuurd++;
        poort.postMessage({ soort: 'deel', id, chunk, gebeurtenissen, bytes: scanner.bytes }, [
          ...overdracht,
          chunk.buffer,
        ]);
      }
      if (doorgever.stop) return;
      scanner.end();
      const { gebeurtenissen } = doorgever.neem();
      poort.postMessage({ soort: 'klaar', id, gebeurtenissen, bytes: scanner.bytes });
    } catch (e) {
      poort.postMessage({ soort: 'leesfout', id, bericht: leesfout(e) });
    } finally {
      einde();
    }
  };
  void loop();
  return erken;
}

/** Both stages in this worker, for a browser without workers in workers. */
async function alleen(context, bestand, opties, controleur) {
  const scanner = new Scanner(context.plan, opties, controleur);
  for await (const chunk of plakken(bestand)) {
    if (!scanner.write(chunk)) break;
    opties.voortgang(scanner.bytes);
  }
  scanner.end();
  return scanner.bytes;
}

export function werk(context) {
  let scanWerker = null;
  let volgnummer = 0;
  /** The task of the scanning worker (when this is it): its acknowledgements by task id. */
  const taken = new Map();

  const valideer = async ({ bestand, maxErrors, verdeling }) => {
    const id = ++volgnummer;
    const start = performance.now();
    let laatst = 0;
    const herlees = herlezer(bestand);
    const controleur = new Controleur(
      context.plan,
      context.validators,
      context.regels,
      context.melding,
      { maxErrors: maxErrors ?? 100 },
      herlees,
    );
    const opties = { herleesbaar: herlees !== undefined };
    const voortgang = (bytes) => {
      const nu = performance.now();
      if (nu - laatst > 100) {
        laatst = nu;
        self.postMessage({ soort: 'voortgang', bytes, records: controleur.aantal, ms: nu - start });
      }
    };
    const klaar = (bytes) =>
      self.postMessage({
        soort: 'klaar',
        resultaat: controleur.resultaat(bytes),
        bytes,
        ms: performance.now() - start,
      });
    if (!scanWerker && typeof Worker !== 'undefined') {
      try {
        scanWerker = new Worker(self.location.href);
      } catch {
        scanWerker = null;
      }
    }
    if (!scanWerker) {
      klaar(await alleen(context, bestand, { ...opties, voortgang }, controleur));
      return;
    }
    const poort = scanWerker;
    let bezig = 0;
    // Once the verdict is posted (a stop, an error), what the scanning worker still sends for this task is
    // not answered again: the page would take it for the verdict on its next file.
    let afgerond = false;
    await new Promise((klaarMet) => {
      const af = () => {
        afgerond = true;
        klaarMet();
      };
      poort.onerror = (e) => {
        e.preventDefault();
        poort.terminate();
        scanWerker = null;
        self.postMessage({ soort: 'fout', bericht: `de lezende worker stopte: ${e.message || 'onbekende fout'}` });
        af();
      };
      poort.onmessage = ({ data: m }) => {
        if (m.id !== id || afgerond) return;
        const begin = performance.now();
        try {
          if (m.soort === 'deel') {
            speel(controleur, m.gebeurtenissen, m.chunk);
            bezig += performance.now() - begin;
            const stop = controleur.gestopt();
            poort.postMessage({ soort: 'erken', id, ms: bezig, stop });
            if (stop) {
              klaar(m.bytes);
              af();
            } else voortgang(m.bytes);
          } else if (m.soort === 'klaar') {
            speel(controleur, m.gebeurtenissen, null);
            klaar(m.bytes);
            af();
          } else {
            self.postMessage({ soort: 'fout', bericht: m.bericht });
            af();
          }
        } catch (e) {
          poort.postMessage({ soort: 'erken', id, ms: bezig, stop: true });
          self.postMessage({ soort: 'fout', bericht: String(e && e.message ? e.message : e) });
          af();
        }
      };
      poort.postMessage({ soort: 'scan', id, bestand, opties, verdeling: verdeling ?? 'balans' });
    });
  };

  self.onmessage = async ({ data }) => {
    // From the validating worker: a task to scan, or the acknowledgement of a chunk.
    if (data.soort === 'scan') {
      taken.set(
        data.id,
        scanTaak(context, self, data, () => taken.delete(data.id)),
      );
      return;
    }
    if (data.soort === 'erken') {
      taken.get(data.id)?.(data);
      return;
    }
    // From the page: a file to validate.
    try {
      await valideer(data);
    } catch (e) {
      self.postMessage({ soort: 'fout', bericht: String(e && e.message ? e.message : e) });
    }
  };
}
