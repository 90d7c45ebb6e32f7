import { ZhifaError } from '../errors.ts';
import type { Actor } from '../workflow/actor.ts';
import type { FormRegistry } from './forms.ts';
import type { ProtectedVariables } from './protected-variables.ts';

/** Checks what a message may set on a case; returns the variables to apply. */
export type MessageCheck = (name: string, variables: Record<string, unknown>, actor: Actor) => Record<string, unknown>;

/**
 * A message is an outside event reaching a case (a hearing request, supplemented materials), and
 * what it carries becomes case variables: without a check, anyone who may send it could set
 * `legalReviewPassed`. So staff send only what `forms/<message name>.json` declares, checked like a
 * start form, and never a protected variable; a message without a form carries nothing.
 * Administrators, who deploy the diagrams themselves, may correct a case with any data.
 */
export function createMessageCheck(forms: FormRegistry, protectedVariables: ProtectedVariables): MessageCheck {
  return (name, variables, actor) => {
    if (actor.roles.includes('admin')) return variables;
    protectedVariables.assertWritable(variables, { kind: 'message', name });
    const form = forms.get(name);
    if (!form) {
      if (Object.keys(variables).length === 0) return variables;
      throw new ZhifaError('unprocessable', `消息「${name}」不携带数据：需要时在 forms/${name}.json 中声明它可以携带的字段`, {
        extra: { errors: Object.keys(variables).map((field) => ({ field, message: `「${field}」不能随消息「${name}」提交` })) },
      });
    }
    const errors = forms.checkDeclared(form, variables);
    if (errors.length) throw new ZhifaError('unprocessable', `消息「${form.schema.title ?? name}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    return variables;
  };
}
