import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formRulesProblems, type FormRules } from './form-rules.ts';
import { fieldErrors, type FieldError } from './form-messages.ts';
import { readJsonFile } from '../json-file.ts';

// ajv-formats is CommonJS with a default export; under ESM the plugin sits on `.default`.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => void }).default;

export interface TaskForm {
  key: string;
  schema: Record<string, unknown> & { title?: string; properties?: Record<string, { title?: string; [keyword: string]: unknown }> };
  rules: FormRules;
  validate: ValidateFunction;
}

export class FormError extends Error {}

/**
 * The task forms of forms/<formKey>.json: JSON Schema 2020-12 with zh-CN titles, UI hints under
 * `x-ui` and rules under `x-zhifa`. Every file is compiled at start: a form that does not compile,
 * or names a rule that does not exist (a misspelling would silently drop a safeguard), stops the
 * server with its file name and the rule, rather than failing the first clerk who opens it.
 */
export class FormRegistry {
  private readonly forms = new Map<string, TaskForm>();
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });

  constructor() {
    addFormats(this.ajv);
  }

  loadDirectory(dir: string): number {
    if (!fs.existsSync(dir)) return 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const full = path.join(dir, file);
      try {
        this.add(path.basename(file, '.json'), readJsonFile(full));
      } catch (err) {
        throw new FormError(`form ${full} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return this.forms.size;
  }

  add(key: string, schema: TaskForm['schema']): void {
    const rules = (schema['x-zhifa'] ?? {}) as FormRules;
    const fields = Object.keys(schema.properties ?? {});
    const problems = formRulesProblems(schema['x-zhifa'], fields);
    if (problems.length) throw new FormError(problems.join('; '));
    this.forms.set(key, { key, schema, rules, validate: this.ajv.compile(schema) });
  }

  get(key: string | null | undefined): TaskForm | undefined {
    return key ? this.forms.get(key) : undefined;
  }

  keys(): string[] {
    return [...this.forms.keys()];
  }

  /** Field-level problems of a submission; empty when it is valid. */
  check(form: TaskForm, data: Record<string, unknown>): FieldError[] {
    return form.validate(data) ? [] : fieldErrors(form.validate.errors ?? [], form.schema);
  }

  /**
   * A start or a message: only the fields the form declares, then the schema. What staff send there
   * becomes case variables directly, so an undeclared field is refused whatever the schema says.
   */
  checkDeclared(form: TaskForm, data: Record<string, unknown>): FieldError[] {
    const declared = form.schema.properties ?? {};
    const extra = Object.keys(data).filter((name) => !Object.hasOwn(declared, name)).map((field) => ({ field, message: `表单中没有「${field}」这一项` }));
    // A schema with additionalProperties:false names the same field again, without saying where.
    const said = new Set(extra.map((e) => e.message));
    return [...extra, ...this.check(form, data).filter((e) => !said.has(e.message))];
  }
}
