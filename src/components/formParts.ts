'use client'
import { createContext, useContext } from 'react'
import type { ClassNames } from './classNames'

/** The inner parts of `AuthSchemeForm` (and the `CredentialField`s in it) a `classNames` entry can style. */
export type AuthSchemeFormPart = 'methods' | 'method' | 'field' | 'label' | 'input' | 'help' | 'error' | 'formError' | 'actions' | 'submit' | 'cancel'

/** The form's `classNames`, for the fields it renders through their scheme descriptors. */
export const FormPartsContext = createContext<ClassNames<AuthSchemeFormPart>>({})

/** The `classNames` of the form around a field (none outside one). */
export function useFormParts(): ClassNames<AuthSchemeFormPart> {
  return useContext(FormPartsContext)
}
