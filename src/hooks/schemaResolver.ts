'use client'
import { set } from 'react-hook-form'
import type { FieldErrors, FieldValues, ResolverResult } from 'react-hook-form'
import type { FormSchema } from '../schemes/fieldSchema'

/**
 * Validates form values with a method's schema (zod/mini, through its Standard Schema interface)
 * the way react-hook-form expects: the parsed values, or the first issue of each field nested by
 * its path (`credentials.0.apiKey`). Issues about the whole form, which name no field, are left to
 * the form's own checks. Replaces `@hookform/resolvers` in two dozen lines.
 */
export async function resolveWithSchema(schema: FormSchema, values: FieldValues): Promise<ResolverResult<FieldValues>> {
  const result = await schema['~standard'].validate(values)
  if (!result.issues) return { values: result.value as FieldValues, errors: {} }
  const errors: FieldErrors = {}
  const seen = new Set<string>()
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.')
    if (!path || seen.has(path)) continue
    seen.add(path)
    set(errors, path, { type: 'validate', message: issue.message })
  }
  return { values: {}, errors }
}
