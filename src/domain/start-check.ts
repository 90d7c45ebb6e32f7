import { shanghaiDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import { checkNotAfterToday } from './not-after-today.ts';
import type { Actor } from '../workflow/actor.ts';
import type { FormRegistry } from './forms.ts';
import type { ProtectedVariables } from './protected-variables.ts';

/** Checks what a new case may start with; returns the variables to start it with. */
export type StartCheck = (processKey: string, variables: Record<string, unknown>, actor: Actor) => Record<string, unknown>;

/** The form a process starts with: forms/<process>-start.json. */
export const startFormKey = (processKey: string) => `${processKey}-start`;

/**
 * One check for every start, from the API and from the page alike: protected variables first (so
 * the refusal names their owner), then the start form — only the fields it declares, checked by
 * its schema. A process without a start form starts with no data from staff; administrators, who
 * deploy the diagrams themselves, may start one (a called procedure started by hand) with any data.
 */
export function createStartCheck(forms: FormRegistry, protectedVariables: ProtectedVariables, clock?: Clock): StartCheck {
  return (processKey, variables, actor) => {
    const form = forms.get(startFormKey(processKey));
    const admin = actor.roles.includes('admin');
    if (!form && admin) return variables;
    protectedVariables.assertWritable(variables, { kind: 'start' });
    if (!form) {
      if (Object.keys(variables).length === 0) return variables;
      throw new ZhifaError('unprocessable', `流程「${processKey}」没有启动表单，启动时不能携带数据：需要时在 forms/${startFormKey(processKey)}.json 中声明启动时填写的字段`, {
        extra: { errors: Object.keys(variables).map((field) => ({ field, message: `「${field}」不能在启动「${processKey}」时提交` })) },
      });
    }
    const errors = forms.checkDeclared(form, variables);
    if (form.rules.notAfterToday) {
      if (!clock) throw new Error(`start form ${form.key} checks dates against today but the start check was built without the clock`);
      errors.push(...checkNotAfterToday(form.rules.notAfterToday, variables, (f) => form.schema.properties?.[f]?.title ?? f, shanghaiDate(clock.now())));
    }
    if (errors.length) throw new ZhifaError('unprocessable', `表单「${form.schema.title ?? form.key}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    return variables;
  };
}
