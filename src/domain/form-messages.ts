import type { ErrorObject } from 'ajv';

export interface FieldError {
  field: string;
  message: string;
}

type Schema = { title?: string; properties?: Record<string, Schema>; items?: Schema | Schema[] };

/**
 * ajv's errors in the words staff read next to each field (zh-CN), named by the field's title.
 * An error inside a list row (the evidence list's 证据种类) belongs to the top-level field and
 * names the row and the column by their titles, never by the property name (`kind`).
 */
export function fieldErrors(errors: ErrorObject[], schema: Schema): FieldError[] {
  // An `if`/`then` failure is reported again by the nested keyword that names the field.
  return errors.filter((e) => e.keyword !== 'if').map((e) => {
    const missing = e.keyword === 'required' || e.keyword === 'dependentRequired' ? String((e.params as { missingProperty: string }).missingProperty) : undefined;
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (missing !== undefined) segments.push(missing);
    const field = segments[0] ?? '';
    const { title, parent } = titleAt(schema, segments);
    return { field, message: message(e, title, (name) => parent?.properties?.[name]?.title ?? name) };
  });
}

/** The quoted title of the value at `segments` (「证据清单」第 1 行「证据种类」), and the object schema that holds it. */
function titleAt(schema: Schema, segments: string[]): { title: string; parent: Schema | undefined } {
  let node: Schema | undefined = schema;
  let parent: Schema | undefined = schema;
  let title = '';
  for (const seg of segments) {
    parent = node;
    if (/^\d+$/.test(seg) && node?.items) {
      node = Array.isArray(node.items) ? node.items[Number(seg)] : node.items;
      title += `第 ${Number(seg) + 1} 行`;
    } else {
      node = node?.properties?.[seg];
      title += `「${node?.title ?? seg}」`;
    }
  }
  return { title: title || '「表单」', parent };
}

function message(e: ErrorObject, title: string, titleOf: (name: string) => string): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${title}为必填项`;
    case 'dependentRequired':
      return `${title}为必填项（已填写「${titleOf(String(p.property))}」）`;
    case 'type':
      return `${title}格式不正确（应为${TYPE_NAMES[String(p.type)] ?? p.type}）`;
    case 'enum':
      return `${title}须为以下之一：${(p.allowedValues as unknown[]).join('、')}`;
    case 'const':
      return typeof p.allowedValue === 'boolean' ? `${title}须为“${p.allowedValue ? '是' : '否'}”` : `${title}须为 ${String(p.allowedValue)}`;
    case 'minLength':
      return Number(p.limit) <= 1 ? `${title}不能为空` : `${title}至少 ${p.limit} 个字`;
    case 'maxLength':
      return `${title}不能超过 ${p.limit} 个字`;
    case 'minItems':
      return `${title}至少 ${p.limit} 项`;
    case 'maxItems':
      return `${title}至多 ${p.limit} 项`;
    case 'uniqueItems':
      return `${title}不能重复`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${title}不能小于 ${p.limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${title}不能大于 ${p.limit}`;
    case 'format':
      return `${title}格式不正确`;
    case 'pattern':
      return `${title}格式不正确`;
    case 'additionalProperties':
      return `表单中没有「${String(p.additionalProperty)}」这一项`;
    default:
      return `${title}${e.message ?? '不符合要求'}`;
  }
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', integer: '整数', boolean: '是或否', array: '列表', object: '对象' };
