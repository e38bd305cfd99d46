'use client'
import { useEffect, useState } from 'react'
import { useConnectContext } from '../hooks/ConnectContext'
import type { AuthSchemeFormProps } from './AuthSchemeForm'
import { lazyModule } from './lazyModule'

// The credential forms (react-hook-form, zod, every field kind) are their own chunk: a page whose
// buttons only open sign-in windows never downloads them.
const formModule = lazyModule(() => import('./AuthSchemeForm'))

/** Starts downloading the credential form (on hover or focus of a button that opens one). */
export function preloadAuthSchemeForm(): void {
  formModule.load().catch(() => undefined)
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
  const { messages } = useConnectContext('AuthSchemeFormLoader')
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
  return (
    <p className="plugboard-message plugboard-form-loading" role="status">
      {messages.loadingProvider}
    </p>
  )
}
