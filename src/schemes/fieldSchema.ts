import * as z from 'zod/mini'
import type { CoreMessages } from '../model/messages'
import { checkPem } from './pem'
import type { SchemeField, SchemeValues } from './SchemeDescriptor'

/**
 * What is wrong with a non-empty value of a field, if anything: its own check, and for a PEM field
 * the PEM check of its kind. Lives with the forms (not in the descriptors), so the PEM parser loads
 * with the forms' chunk and never on a page of sign-in buttons.
 */
export function fieldProblem(field: SchemeField, value: string, messages: CoreMessages): string | undefined {
  return field.validate?.(value) ?? (field.kind === 'pem' && field.pem ? checkPem(value, field.pem, messages) : undefined)
}

/** The schema of one field; its messages are the ones shown next to it. */
function fieldSchema(field: SchemeField, messages: CoreMessages) {
  const allowed = field.options && field.options.length > 0 ? new Set(field.options.map((option) => option.value)) : undefined
  if (field.kind === 'choices') {
    const checks: z.core.$ZodCheck<string[]>[] = []
    if (field.required) checks.push(z.minLength(1, messages.chooseAtLeastOne(field.label)))
    if (allowed) checks.push(z.refine((value: string[]) => value.every((item) => allowed.has(item)), messages.chooseOption(field.label)))
    return z.prefault(z.array(z.string()).check(...checks), [])
  }
  const checks: z.core.$ZodCheck<string>[] = []
  if (!field.keepWhitespace) checks.push(z.trim())
  if (field.required) checks.push(z.minLength(1, messages.required(field.label)))
  if (allowed) checks.push(z.refine((value: string) => value === '' || allowed.has(value), messages.chooseOption(field.label)))
  if (field.validate || field.kind === 'pem') {
    checks.push(
      z.superRefine((value: string, ctx) => {
        const problem = value === '' ? undefined : fieldProblem(field, value, messages)
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value })
      }),
    )
  }
  // A missing value counts as empty, so it gets the field's own message, not a type error.
  return z.prefault(z.string().check(...checks), '')
}

type Tree = { [key: string]: Tree | SchemeField }
/** The zod schema of a form: the values as typed in, checked and trimmed. */
export type FormSchema = z.ZodMiniType<SchemeValues, SchemeValues>
type AnySchema = z.ZodMiniType<unknown, unknown>

/**
 * The nested zod schema for a list of fields named by dotted path. Numbered levels
 * (`credentials.0.apiKey`) are lists, as react-hook-form stores them.
 */
export function schemaForFields(fields: SchemeField[], messages: CoreMessages): FormSchema {
  const tree: Tree = {}
  for (const field of fields) {
    const parts = field.name.split('.')
    let node = tree
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree
    node[parts[parts.length - 1] as string] = field
  }
  const isField = (child: Tree | SchemeField): child is SchemeField => typeof child.kind === 'string' && 'label' in child
  const build = (node: Tree): AnySchema => {
    const entries = Object.entries(node).map(([key, child]) => [key, isField(child) ? fieldSchema(child, messages) : build(child)] as const)
    if (entries.length > 0 && entries.every(([key], index) => key === String(index))) {
      return z.prefault(z.tuple(entries.map(([, schema]) => schema) as [AnySchema, ...AnySchema[]]), []) as AnySchema
    }
    return z.prefault(z.object(Object.fromEntries(entries)), {}) as AnySchema
  }
  return build(tree) as FormSchema
}

const built = new WeakMap<object, { messages: CoreMessages; schema: FormSchema }>()

/**
 * The schema that validates a resolved method's form values, built on first use and kept for that
 * method (and `messages`): forms build it, so the click that opens one carries no zod.
 */
export function methodSchema(method: { readonly fields: SchemeField[] }, messages: CoreMessages): FormSchema {
  const cached = built.get(method)
  if (cached?.messages === messages) return cached.schema
  const schema = schemaForFields(method.fields, messages)
  built.set(method, { messages, schema })
  return schema
}
