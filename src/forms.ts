// `@plugboard/react/forms`: the credential forms themselves, loaded eagerly. They carry the form stack
// (react-hook-form, zod/mini and every field kind), so the main entry only imports them on demand:
// its `AuthSchemeForm` and `ConnectButton` download this code on first use. Import from here to
// build your own form from `useAuthSchemeForm`, or to render `AuthSchemeForm` without a loading step.

export { AuthSchemeForm } from './components/AuthSchemeForm'
export type { AuthSchemeFormProps } from './components/AuthSchemeForm'
export type { AuthSchemeFormPart } from './components/formParts'
export { CredentialField } from './components/CredentialField'
export { useAuthSchemeForm } from './hooks/useAuthSchemeForm'
export type { AuthSchemeFormState, MethodOptionProps, UseAuthSchemeFormOptions } from './hooks/useAuthSchemeForm'
export type { SchemeFieldProps } from './hooks/useSchemeFields'
export { methodSchema } from './schemes/fieldSchema'
// PEM checks, as the certificate and signing-key fields run them: with the forms, so a page of
// sign-in buttons never downloads the parser.
export { checkPem, parsePem } from './schemes/pem'
export type { PemBlock, PemKind, PemProblem } from './schemes/pem'
