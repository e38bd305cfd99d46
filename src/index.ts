// Components
export { AuthSchemeForm } from './AuthSchemeForm'
export type { AuthSchemeFormProps } from './AuthSchemeForm'
export { ConnectButton } from './ConnectButton'
export type { ConnectButtonProps } from './ConnectButton'
export { ConnectionList } from './ConnectionList'
export type { ConnectionListProps } from './ConnectionList'
export { ConnectProvider, useConnectContext } from './ConnectProvider'
export type { ConnectContextValue, ConnectProviderProps } from './ConnectProvider'
export { Dialog } from './Dialog'
export type { DialogProps } from './Dialog'
export { OAuthStatus } from './OAuthStatus'
export type { OAuthStatusProps } from './OAuthStatus'

// Hooks
export { useAuthSchemeForm } from './useAuthSchemeForm'
export type { AuthSchemeFormState, SchemeFieldProps, UseAuthSchemeFormOptions } from './useAuthSchemeForm'
export { useConnect } from './useConnect'
export type { ConnectState, UseConnectOptions } from './useConnect'
export { useConnections } from './useConnections'
export { useCreateConnection } from './useCreateConnection'
export { useDeleteConnection } from './useDeleteConnection'
export { useInvalidateConnections } from './useInvalidateConnections'
export { useOAuthFlow } from './useOAuthFlow'
export type { OAuthFlow, OAuthFlowStatus, UseOAuthFlowOptions } from './useOAuthFlow'
export { useProviderInfo } from './useProviderInfo'
export { useProviderScheme } from './useProviderScheme'
export type { ProviderSchemeState } from './useProviderScheme'
export { useUpdateConnection } from './useUpdateConnection'
export type { UpdateConnectionVariables } from './useUpdateConnection'

// Backends
export { ampersand } from './ampersand'
export type { AmpersandOptions } from './ampersand'
export type {
  AuthScheme,
  Connection,
  ConnectionFilter,
  ConnectionInput,
  ConnectionStatus,
  ConnectBackend,
  ConnectScope,
  Credentials,
  CustomAuthStep,
  OAuthStartInput,
  ProviderContext,
} from './ConnectBackend'
export { ConnectError, isConnectError } from './ConnectError'
export type { ConnectErrorKind, ConnectErrorOptions } from './ConnectError'
export { describeError } from './describeError'
export { openOAuthPopup } from './oauthPopup'
export type { CustomAuthCallbackMessage, OAuthPopup, OAuthPopupOptions, OAuthResultMessage, PopupMessage } from './oauthPopup'
export { providerDisplayName, providerInfoSchema } from './providerInfo'
export type { CustomAuthInput, MetadataInput, ProviderInfo } from './providerInfo'
export { connectKeys } from './queryKeys'

// Auth schemes
export { resolveScheme } from './schemes/resolveScheme'
export type { ResolvedScheme } from './schemes/resolveScheme'
export type { SchemeDescriptor, SchemeField, SchemeId, SchemeValues } from './schemes/SchemeDescriptor'
export { schemeIdFor, schemeRegistry } from './schemes/schemeRegistry'

// Words
export { defaultMessages } from './messages'
export type { ConnectMessages } from './messages'
