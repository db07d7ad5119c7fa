// The validator page's Web Worker, model-independent: the page posts a File; the worker reads File.stream()
// chunk by chunk into the runtime's StreamValidator (the same Scanner and Controleur as in Node) and posts
// progress (bytes, records) at most ten times a second, then the result. The model's part (plan, validators,
// rules, messages) comes from the generated package, bundled with this file by mimgen generate.
import { StreamValidator } from '../dist/stream/validator.js';

export function werk(context) {
  self.onmessage = async (event) => {
    const { bestand, maxErrors } = event.data;
    const start = performance.now();
    let laatst = 0;
    let records = 0;
    const validator = new StreamValidator(context.plan, context.validators, context.regels, context.melding, {
      maxErrors: maxErrors ?? 100,
      onProgress: (v) => (records = v.records),
    });
    let bytes = 0;
    try {
      const reader = bestand.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        const verder = validator.write(value);
        const nu = performance.now();
        if (nu - laatst > 100) {
          laatst = nu;
          self.postMessage({ soort: 'voortgang', bytes, records, ms: nu - start });
        }
        if (!verder) {
          await reader.cancel();
          break;
        }
      }
      const resultaat = validator.end();
      self.postMessage({ soort: 'klaar', resultaat, bytes, ms: performance.now() - start });
    } catch (e) {
      self.postMessage({ soort: 'fout', bericht: String(e && e.message ? e.message : e) });
    }
  };
}
