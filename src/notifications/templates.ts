import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}

const PARTS = ['subject', 'text', 'html'] as const;

export class TemplateError extends Error {}

/**
 * notifications/<name>/{subject,text,html}.hbs and notifications/partials/*.hbs, compiled at
 * start: a template that does not compile stops the server naming its file and line. The HTML
 * part escapes every value; subject and text are plain text, so they are not HTML-escaped.
 */
export class NotificationTemplates {
  private readonly html = Handlebars.create();
  private readonly plain = Handlebars.create();
  private readonly templates = new Map<string, Record<(typeof PARTS)[number], Handlebars.TemplateDelegate>>();

  constructor(readonly dir: string) {
    const partials = path.join(dir, 'partials');
    if (fs.existsSync(partials)) {
      for (const f of fs.readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
        // Compiled here like the templates, so a broken partial stops the start too, not every notification using it.
        const file = path.join(partials, f);
        this.html.registerPartial(path.basename(f, '.hbs'), compile(this.html, file, false));
        this.plain.registerPartial(path.basename(f, '.hbs'), compile(this.plain, file, true));
      }
    }
    if (!fs.existsSync(dir)) throw new TemplateError(`notification templates folder ${dir} does not exist`);
    for (const name of fs.readdirSync(dir).filter((d) => d !== 'partials' && fs.statSync(path.join(dir, d)).isDirectory())) {
      const parts = {} as Record<(typeof PARTS)[number], Handlebars.TemplateDelegate>;
      for (const part of PARTS) {
        const file = path.join(dir, name, `${part}.hbs`);
        if (!fs.existsSync(file)) throw new TemplateError(`notification template ${name} has no ${part}.hbs (${file})`);
        parts[part] = compile(part === 'html' ? this.html : this.plain, file, part !== 'html');
      }
      this.templates.set(name, parts);
    }
  }

  names(): string[] {
    return [...this.templates.keys()];
  }

  render(name: string, context: Record<string, unknown>): RenderedNotification {
    const t = this.templates.get(name);
    if (!t) throw new TemplateError(`no notification template "${name}" in ${this.dir}`);
    return { subject: t.subject(context).trim().replace(/\s+/g, ' '), text: t.text(context).trim(), html: t.html(context).trim() };
  }
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

function compile(hbs: typeof Handlebars, file: string, plain: boolean): Handlebars.TemplateDelegate {
  const source = read(file);
  try {
    hbs.precompile(source); // parses now; compile() alone would wait for the first use
    return hbs.compile(source, { noEscape: plain, strict: false });
  } catch (err) {
    throw new TemplateError(`notification template ${file} does not compile: ${err instanceof Error ? err.message : String(err)}`);
  }
}
