'use client'
import { useEffect, useState } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import type { AuthSchemeFormProps } from './AuthSchemeForm'
import { FormSkeleton } from './FormSkeleton'
import { lazyModule } from './lazyModule'

// The credential forms (react-hook-form, zod, every field kind) are their own chunk: a page whose
// buttons only open sign-in windows never downloads them.
const formModule = lazyModule(() => import('./AuthSchemeForm'))

/**
 * Starts downloading the credential forms (a `ConnectButton` does so on hover or focus). Call it
 * yourself to fetch them ahead of time, e.g. when a settings page opens; resolves once they are
 * in, and never rejects (a failed download is tried again on first use).
 *
 * @example
 * useEffect(() => void preloadAuthSchemeForm(), [])
 */
export function preloadAuthSchemeForm(): Promise<void> {
  return formModule.load().then(
    () => undefined,
    () => undefined,
  )
}

/**
 * The credential form for one provider, loaded on first use (the main entry's `AuthSchemeForm`): says
 * it is loading meanwhile, offers Retry if the download fails, then renders `AuthSchemeForm` from
 * `@plugboard/react/forms` with the same props.
 *
 * @example
 * <AuthSchemeForm provider="openAI" onSuccess={close} />
 */
export function AuthSchemeFormLoader(props: AuthSchemeFormProps) {
  const { messages, theme } = useConnectContext('AuthSchemeFormLoader')
  const [module, setModule] = useState(formModule.current)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (module) return
    let live = true
    formModule.load().then(
      (loaded) => live && setModule(loaded),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [module, attempt])

  if (module) return <module.AuthSchemeForm {...props} />
  if (failed) {
    return (
      <div className="plugboard-form-load-error" role="alert">
        <p className="plugboard-message" data-tone="error">
          {messages.formLoadError}
        </p>
        <button
          type="button"
          className="plugboard-button"
          data-variant="secondary"
          onClick={() => {
            setFailed(false)
            setAttempt((count) => count + 1)
          }}
        >
          {messages.retry}
        </button>
      </div>
    )
  }
  // The same loading state the form shows while it loads the provider: one continuous placeholder.
  return (
    <div className={['plugboard', 'plugboard-form', props.className].filter(Boolean).join(' ')} data-theme={theme} data-state="loading" role="status" aria-busy="true">
      <FormSkeleton label={messages.loadingProvider} />
    </div>
  )
}
