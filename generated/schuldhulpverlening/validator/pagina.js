// The validator page, model-independent: one file chosen or dropped, validated in a Web Worker (werker.js)
// over File.stream(); a progress bar with bytes and records per second; then the verdict (role="status")
// and the errors in a table, each linking to the element's definitie in the docs. Nothing leaves the page.
const $ = (id) => document.getElementById(id);
// Where the docs describe each place in the message (docs/plaatsen.json of the package, written by the docs
// emitter): by JSON pointer pattern, `*` for any item of a list, the definitie of the informatiemodel element
// the place comes from, or its level in the uitwisselspecificatie for a place the derivation added.
const plaatsen = JSON.parse($('plaatsen').textContent);
const docs = $('plaatsen').dataset.docs;
// In the documentation site the pages are HTML (mimgen site sets data-ext=".html"); beside the package, Markdown.
const ext = $('plaatsen').dataset.ext;
const pagina = (link) => (ext ? link.replace(/\.md(?=#|$)/, ext) : link);

/** The docs' link for an error at JSON pointer `pad`: that of the place, else of the nearest place above it. */
function docsLink(pad) {
  const delen = pad
    .split('/')
    .slice(1)
    .map((d) => (/^\d+$/.test(d) ? '*' : d.replaceAll('~1', '/').replaceAll('~0', '~')));
  for (let n = delen.length; n >= 0; n--) {
    const link = plaatsen[`/${delen.slice(0, n).join('/')}`];
    if (link) return docs + pagina(link);
  }
  return docs + pagina('definities.md');
}

/** The worker of the file being checked: a new file ends the check of the previous one. */
let vorige = null;

const mb = (bytes) => (bytes / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 });

function toon(bestand) {
  const status = $('status');
  const tabel = $('fouten');
  const lichaam = tabel.querySelector('tbody');
  lichaam.replaceChildren();
  tabel.hidden = true;
  $('voortgang').max = bestand.size || 1;
  $('voortgang').value = 0;
  status.textContent = `Bezig met controleren van ${bestand.name} …`;
  status.dataset.uitslag = 'bezig';
  vorige?.terminate();
  let werker = null;
  const uit = (tekst) => {
    werker?.terminate();
    if (vorige === werker) vorige = null;
    status.textContent = tekst;
    status.dataset.uitslag = 'fout';
  };
  try {
    werker = new Worker('werker.js');
  } catch (e) {
    // Chromium refuses a worker of a page opened as a file (file://) when it is constructed.
    uit(`De controle kon niet starten: ${e.message}. Open de pagina via een webserver (zie de README).`);
    return;
  }
  vorige = werker;
  // The worker's error event: its script did not load (no message), or it stopped on an error of its own
  // (an uncaught exception, its message). Either way the check ends here, with a verdict.
  werker.onerror = (e) => {
    e.preventDefault();
    uit(
      e.message
        ? `De controle is afgebroken door een fout in de controle zelf: ${e.message}. Het bestand is niet beoordeeld.`
        : 'De controle kon niet starten: de browser laadde of startte de worker niet. Open de pagina via een webserver (zie de README).',
    );
  };
  werker.onmessageerror = () =>
    uit(
      'De controle is afgebroken: een bericht van de worker kon niet worden gelezen. Het bestand is niet beoordeeld.',
    );
  werker.onmessage = ({ data }) => {
    if (data.soort === 'voortgang') {
      $('voortgang').value = data.bytes;
      const sec = data.ms / 1000 || 1;
      $('tempo').textContent =
        `${mb(data.bytes)} van ${mb(bestand.size)} MB, ${data.records.toLocaleString('nl-NL')} records (${Math.round(data.records / sec).toLocaleString('nl-NL')} records per seconde, ${mb(data.bytes / sec)} MB/s)`;
      return;
    }
    werker.terminate();
    if (vorige === werker) vorige = null;
    if (data.soort === 'fout') {
      status.textContent = `De controle is afgebroken: ${data.bericht}`;
      status.dataset.uitslag = 'fout';
      return;
    }
    const r = data.resultaat;
    $('voortgang').value = $('voortgang').max;
    const sec = data.ms / 1000 || 1;
    $('tempo').textContent =
      `${mb(data.bytes)} MB, ${r.records.toLocaleString('nl-NL')} records in ${sec.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s (${mb(data.bytes / sec)} MB/s)`;
    status.dataset.uitslag = r.valid ? 'geldig' : 'ongeldig';
    status.dataset.ms = String(Math.round(data.ms));
    status.textContent = r.valid
      ? `Geldig: ${bestand.name} voldoet aan het uitwisselmodel.`
      : `Ongeldig: ${bestand.name} bevat ${r.errors.length}${r.stopped === 'max-errors' ? ' of meer' : ''} fout${r.errors.length === 1 ? '' : 'en'}.`;
    for (const f of r.errors) {
      const rij = document.createElement('tr');
      for (const waarde of [f.line, f.column, f.path || '/']) {
        const cel = document.createElement('td');
        cel.textContent = String(waarde);
        rij.append(cel);
      }
      const cel = document.createElement('td');
      const link = document.createElement('a');
      link.href = docsLink(f.path || '/');
      link.textContent = f.message;
      cel.append(link);
      rij.append(cel);
      lichaam.append(rij);
    }
    tabel.hidden = r.errors.length === 0;
  };
  werker.postMessage({ bestand });
}

$('bestand').addEventListener('change', () => {
  const f = $('bestand').files[0];
  if (f) toon(f);
});
const zone = $('zone');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('erboven');
});
zone.addEventListener('dragleave', () => zone.classList.remove('erboven'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('erboven');
  const f = e.dataTransfer.files[0];
  if (f) toon(f);
});
if (location.protocol === 'file:') $('file-waarschuwing').hidden = false;
