// The public API, layer by layer: components over hooks, hooks over the flow engine and the scheme
// descriptors, all over the neutral model. Platform adapters sit beside them under `backends/`.

// Components
// The credential form loads on first use; `@plugboard/react/forms` has it (and its hook) eagerly.
export { AuthSchemeFormLoader as AuthSchemeForm, preloadAuthSchemeForm } from './components/AuthSchemeFormLoader'
export type { AuthSchemeFormProps } from './components/AuthSchemeForm'
export type { AuthSchemeFormPart } from './components/formParts'
export { ConnectButton } from './components/ConnectButton'
export type { ConnectButtonPart, ConnectButtonProps } from './components/ConnectButton'
export type { ClassNames } from './components/classNames'
export { ConnectionList } from './components/ConnectionList'
export type { ConnectionListPart, ConnectionListProps } from './components/ConnectionList'
export { ConnectProvider } from './components/ConnectProvider'
export type { ConnectProviderProps } from './components/ConnectProvider'
export { Dialog } from './components/Dialog'
export type { DialogPart, DialogProps } from './components/Dialog'
export { HelpText } from './components/HelpText'
export type { HelpTextProps } from './components/HelpText'
export { OAuthStatus } from './components/OAuthStatus'
export type { OAuthStatusProps } from './components/OAuthStatus'
export { ProviderGallery } from './components/ProviderGallery'
export type { ProviderGalleryPart, ProviderGalleryProps } from './components/ProviderGallery'
export { ProviderLogo } from './components/ProviderLogo'
export type { ProviderLogoProps } from './components/ProviderLogo'
export { RequestReference } from './components/RequestReference'
export type { RequestReferenceProps } from './components/RequestReference'

// Hooks
export { useConnectContext } from './hooks/ConnectContext'
export type { ConnectContextValue } from './hooks/ConnectContext'
export { connectKeys } from './hooks/queryKeys'
export type { AuthSchemeFormState, MethodOptionProps, UseAuthSchemeFormOptions } from './hooks/useAuthSchemeForm'
export { useConnect } from './hooks/useConnect'
export type { ConnectState, UseConnectOptions } from './hooks/useConnect'
export { useConnections } from './hooks/useConnections'
export { useCreateConnection } from './hooks/useCreateConnection'
export { useDeleteConnection } from './hooks/useDeleteConnection'
export { useInvalidateConnections } from './hooks/useInvalidateConnections'
export { useOAuthFlow } from './hooks/useOAuthFlow'
export type { OAuthFlow, OAuthFlowStatus, UseOAuthFlowOptions } from './hooks/useOAuthFlow'
export { providerListQuery, useProviderGallery } from './hooks/useProviderGallery'
export type { ProviderGalleryState, UseProviderGalleryOptions } from './hooks/useProviderGallery'
export { useProviderScheme } from './hooks/useProviderScheme'
export type { ProviderSchemeState } from './hooks/useProviderScheme'
export { useProviderSpec } from './hooks/useProviderSpec'
export type { SchemeFieldProps } from './hooks/useSchemeFields'
export { useUpdateConnection } from './hooks/useUpdateConnection'
export type { UpdateConnectionVariables } from './hooks/useUpdateConnection'

// Sign-in flow engine (framework-free)
export { SignInFlow } from './flows/SignInFlow'
export { isActiveStatus } from './flows/SignInStatus'
export type { SignInErrors, SignInFlowOptions } from './flows/SignInFlow'
export type { SignInEvent, SignInSnapshot, SignInStatus } from './flows/SignInStatus'
export { openPopup } from './flows/popupWindow'
export type { PopupHost, PopupMessageEvent, PopupTarget } from './flows/popupWindow'

// Auth schemes
export { resolveMethod, resolveMethods } from './schemes/resolveMethod'
export type { ResolvedMethod, ResolveOptions } from './schemes/resolveMethod'
export type { SchemeDescriptor, SchemeFact, SchemeField, SchemeValues } from './schemes/SchemeDescriptor'
export { descriptorFor, schemeRegistry } from './schemes/schemeRegistry'
export { generateSecret } from './schemes/hmac'

// Neutral model and backend interface
export type {
  Connection,
  ConnectionFilter,
  ConnectionInput,
  ConnectionScheme,
  ConnectionStatus,
  ConnectBackend,
  ConnectScope,
  Credentials,
  PopupAnswer,
  PopupProtocol,
  ProviderListing,
  RedirectStep,
  SignInStep,
} from './model/ConnectBackend'
export type {
  CredentialPart,
  HmacAlgorithm,
  InputSpec,
  PartOf,
  Placement,
  ProviderSpec,
  SchemeId,
  ScopeChoice,
  SecretEncoding,
  SignInMethod,
  UnavailableMethod,
} from './model/ProviderSpec'
export { ConnectError, isConnectError } from './model/ConnectError'
export { newFlowId } from './model/ConnectEvent'
export type { ConnectEvent, ConnectEventBase, ConnectEventDetail, ConnectEventHandler, ConnectEventType } from './model/ConnectEvent'
export type { ConnectErrorKind, ConnectErrorOptions } from './model/ConnectError'
export { describeError, describeUnsupported } from './model/describeError'
export { absoluteBaseUrl, defaultConnectionName, isolate, safeUrl } from './model/connectionName'
export { guardSecrets, redactError, redactText, secretsOf } from './model/redact'

// Backends
export { ampersand } from './backends/ampersand/ampersand'
export type { AmpersandOptions } from './backends/ampersand/ampersand'
export type { AmpersandProviderName } from './model/providerNames'
export { providerInfoSchema, toProviderSpec } from './backends/ampersand/catalog'
export type { CustomAuthInput, MetadataInput, ProviderInfo } from './backends/ampersand/catalog'
export { customAuthProtocol, oauthResultProtocol } from './backends/ampersand/protocols'
export { versori, versoriStatus } from './backends/versori/versori'
export type { VersoriOptions } from './backends/versori/versori'
export { toProviderSpec as templateToProviderSpec, connectionTemplateSchema } from './backends/versori/templates'
export type { ConnectionTemplate, MappedTemplate } from './backends/versori/templates'
export { helloResponseProtocol } from './backends/versori/protocol'

// Words
export { defaultMessages } from './model/messages'
export type { ConnectMessages, CoreMessages } from './model/messages'
export { galleryMessages } from './model/galleryMessages'
export type { GalleryMessages } from './model/galleryMessages'
// One module per language: an app ships only the catalogs it imports.
export { ar } from './locales/ar'
export { de } from './locales/de'
export { es } from './locales/es'
export { fr } from './locales/fr'
export { ja } from './locales/ja'
