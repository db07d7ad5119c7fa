/**
 * The documentation templates (templates/docs/*.hbs, partials in templates/docs/partials/), compiled once
 * when this module loads. The templates are part of the tool, like its code: reading them here, at load
 * time, is the only file access of the docs emitter, which is then a pure function of the model (the same
 * model gives the same pages, whatever is on disk when it runs). They are compiled in their own Handlebars
 * environment, so that the helpers and partials registered here do not leak into other emitters.
 */
import Handlebars from 'handlebars';
import { toolFile, toolFolder } from '../../common/tool-files.ts';
import { registerHelpers } from './helpers.ts';

const DIR = 'templates/docs/';
const PARTIALS = `${DIR}partials/`;

const hb = Handlebars.create();
registerHelpers(hb);
/**
 * strict: a field that the view does not have is an error, not an empty string. The templates use no @data
 * (@index, @first), and every helper is known when they are compiled: both let Handlebars write plainer,
 * faster code, which counts for the megabytes of documentation of a large model.
 */
const OPTIES: Parameters<typeof Handlebars.compile>[1] = {
  strict: true,
  data: false,
  knownHelpers: Object.fromEntries(Object.keys(hb.helpers).map((h) => [h, true])),
};
for (const file of toolFolder(PARTIALS).filter((f) => f.endsWith('.hbs'))) {
  hb.registerPartial(file.replace(/\.hbs$/, ''), hb.compile(toolFile(`${PARTIALS}${file}`), OPTIES));
}

/** A compiled template: a view in, text out. */
export type Template = (view: object) => string;

function template(name: string): Template {
  const compiled = hb.compile(toolFile(`${DIR}${name}`), OPTIES);
  return (view) => compiled(view);
}

export const TEMPLATES = {
  index: template('index.md.hbs'),
  hoofdlijnen: template('hoofdlijnen.md.hbs'),
  definities: template('definities.md.hbs'),
  uitwisselspecificatie: template('uitwisselspecificatie.md.hbs'),
  nav: template('mkdocs-nav.yml.hbs'),
  api: template('api.md.hbs'),
  pakket: template('pakket.md.hbs'),
};
