import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { registerViewHelpers } from './view-helpers.ts';

export const VIEWS_DIR = path.join(import.meta.dirname, '..', 'views');

export class ViewError extends Error {}

/**
 * The server-rendered pages: views/layout.hbs wraps views/pages/<name>.hbs; views/partials/*.hbs
 * are shared pieces. Every template is compiled at start, so one that does not compile stops the
 * server with its file and line instead of failing the first user who opens the page.
 * Handlebars escapes every `{{value}}`: a party called `<script>` stays text.
 */
export class Views {
  private readonly hbs = Handlebars.create();
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(dir = VIEWS_DIR) {
    registerViewHelpers(this.hbs);
    for (const file of listHbs(path.join(dir, 'partials'))) {
      this.hbs.registerPartial(path.basename(file, '.hbs'), this.compile(file));
    }
    for (const file of listHbs(path.join(dir, 'pages'))) this.pages.set(path.basename(file, '.hbs'), this.compile(file));
    this.layout = this.compile(path.join(dir, 'layout.hbs'));
  }

  render(page: string, context: Record<string, unknown>): string {
    const template = this.pages.get(page);
    if (!template) throw new ViewError(`no page template views/pages/${page}.hbs`);
    const body = template(context);
    return this.layout({ ...context, body });
  }

  private compile(file: string): Handlebars.TemplateDelegate {
    const source = fs.readFileSync(file, 'utf8');
    try {
      // precompile parses eagerly (compile() would only parse on first use) and reports the line.
      this.hbs.precompile(source, { strict: false });
      return this.hbs.compile(source);
    } catch (err) {
      throw new ViewError(`template ${file} does not compile: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function listHbs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort().map((f) => path.join(dir, f));
}
