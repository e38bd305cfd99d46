import type { GalleryMessages } from './galleryMessages'

/**
 * Every string the kit shows a person, in English. Hosts override any subset through
 * `ConnectProvider`'s `messages` prop; translations start from this object.
 */
export const defaultMessages = {
  // Buttons and flow
  connect: (provider: string) => `Connect ${provider}`,
  connecting: (provider: string) => `Connecting to ${provider}…`,
  connected: (provider: string) => `${provider} is connected`,
  reconnect: 'Reconnect',
  reconnectProvider: (provider: string) => `Reconnect ${provider}`,
  loadingProvider: 'Loading…',
  waitingForPopup: (provider: string) =>
    `Finish signing in to ${provider} in the window that opened.`,
  focusPopup: 'Show sign-in window',
  finishingSignIn: (provider: string) => `Finishing your ${provider} connection…`,
  popupBlocked: (provider: string) =>
    `Your browser blocked the ${provider} sign-in window. Allow pop-ups for this site, or open it with the button below.`,
  openSignInWindow: 'Open sign-in window',
  popupClosed: 'The sign-in window was closed before the connection finished.',
  popupTimeout: 'The sign-in took too long and was stopped. Please try again.',
  popupTimeoutSoon: (provider: string, secondsLeft: number) =>
    secondsLeft >= 45
      ? `Still signing in to ${provider}? This sign-in stops in about a minute.`
      : `Still signing in to ${provider}? This sign-in stops in a few seconds.`,
  keepWaiting: 'Keep waiting',
  authorizationFailed: (provider: string, reason?: string) =>
    reason ? `${provider} did not authorize the connection: ${reason}` : `${provider} did not authorize the connection.`,
  tryAgain: 'Try again',
  dismiss: 'Dismiss',
  // Dialog and form
  dialogTitle: (provider: string) => `Connect ${provider}`,
  dialogTitleReconnect: (provider: string) => `Reconnect ${provider}`,
  close: 'Close',
  cancel: 'Cancel',
  submit: 'Connect',
  show: 'Show',
  required: (label: string) => `${label} is required.`,
  replace: 'Replace',
  generate: 'Generate',
  /** Where the signature travels, named as the other side's settings name it. */
  placement: {
    header: (name: string) => `${name} header`,
    query: (name: string) => `${name} parameter in the web address`,
    cookie: (name: string) => `${name} cookie`,
  },
  // Field labels
  apiKey: 'API key',
  username: 'Username',
  password: 'Password',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  scopes: 'Scopes',
  workspace: 'Workspace',
  secret: 'Secret',
  certificate: 'Certificate',
  privateKey: 'Private key',
  token: 'Token',
  tokenSecret: 'Token secret',
  connectionName: 'Connection name',
  baseUrl: 'Account URL',
  // Errors
  networkError: 'Could not reach the server. Check your connection and try again.',
  requestTimedOut: 'The server took too long to answer. Please try again.',
  unsafeSignInUrl: (provider: string) =>
    `The ${provider} sign-in page was not opened because its address is not secure (https). Please try again later or contact support.`,
  redirectRefused:
    'The server tried to send this request to a different address, so it was stopped to keep your data safe. Please try again later or contact support.',
  unexpectedResponse: (status: number) => `The server sent an unexpected answer (error ${status}). Please try again in a moment.`,
  invalidResponse: 'The server sent an answer that could not be read. Please try again later.',
  signInUnconfirmed: (provider: string) =>
    `The ${provider} sign-in window reported success, but no new or updated connection appeared. Please try again.`,
  unauthorized: 'You are not allowed to manage connections here right now. Reload the page and try again, or contact support if this keeps happening.',
  rateLimited: 'Too many attempts in a short time. Wait a moment and try again.',
  genericError: 'Something went wrong. Please try again.',
  requestId: 'Request ID:',
  /** The provider's settings failed to load; `reason` is the error's own sentence, when there is one. */
  providerLoadError: (provider: string, reason?: string) =>
    reason ? `Could not load ${provider}'s connection settings. ${reason}` : `Could not load ${provider}'s connection settings.`,
  unsupportedScheme: (provider: string) => `${provider} cannot be connected here yet, because it uses a sign-in method this page does not support.`,
  notEmbeddable: (provider: string, method: string) =>
    `${provider} can only be connected with “${method}”, which is not available here. Ask your administrator to connect ${provider} for you.`,
  // Connection list
  connectionsTitle: 'Connected accounts',
  loadingConnections: 'Loading connections…',
  noConnections: 'No accounts are connected yet.',
  noConnectionsHint: 'Connect an app and it will show up here, where you can reconnect or remove it at any time.',
  /** The connections failed to load; `reason` is the error's own sentence, when there is one. */
  connectionsError: (reason?: string) => (reason ? `Could not load connections. ${reason}` : 'Could not load connections.'),
  formLoadError: 'The form could not be loaded. Check your connection and try again.',
  // The connection list's page control
  connectionPages: 'Connection pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  /** Announced on every page change; the numbers come formatted. */
  showingConnections: (first: string, last: string, total: string) => `Showing ${first}–${last} of ${total} connections`,
  retry: 'Retry',
  providerColumn: 'Provider',
  statusColumn: 'Status',
  schemeColumn: 'Sign-in method',
  createdColumn: 'Connected',
  updatedColumn: 'Updated',
  actionsColumn: 'Actions',
  status: {
    created: 'Connected',
    working: 'Working',
    bad_credentials: 'Credentials need attention',
  } as Record<string, string>,
  unknownStatus: (status: string) => `Status: ${status}`,
  /** A connected provider whose credentials failed, as one sentence (the button's status line). */
  connectionNeedsAttention: (provider: string) => `${provider}: Credentials need attention`,
  scheme: {
    none: 'No sign-in needed',
    apiKey: 'API key',
    basic: 'Username and password',
    'oauth2/authorizationCode': 'Account sign-in',
    'oauth2/authorizationCodePKCE': 'Account sign-in',
    'oauth2/clientCredentials': 'Client ID and secret',
    'oauth2/password': 'Account username and password',
    custom: 'Custom credentials',
    secret: 'Secret',
    hmac: 'Shared signing secret',
    jwtBearer: 'Signing key',
    certificate: 'Client certificate',
    'oauth1/token': 'Access token and secret',
    'oauth1/authorize': 'Classic account sign-in',
  } as Record<string, string>,
  delete: 'Delete',
  deleteProvider: (provider: string) => `Delete ${provider} connection`,
  deleteConfirmTitle: (provider: string) => `Delete the ${provider} connection?`,
  deleteConfirmBody: 'Anything that uses this connection stops working until it is connected again.',
  deleting: 'Deleting…',
  /** Deleting failed; `reason` is the error's own sentence, when there is one. */
  deleteFailed: (provider: string, reason?: string) =>
    reason ? `Could not delete the ${provider} connection. ${reason}` : `Could not delete the ${provider} connection.`,
  never: '—',
  // The credential forms
  continueInPopup: (provider: string) => `Continue to ${provider}`,
  submitReconnect: 'Save credentials',
  submitting: 'Connecting…',
  hide: 'Hide',
  showSecret: (label: string) => `Show ${label}`,
  hideSecret: (label: string) => `Hide ${label}`,
  chooseOption: (label: string) => `Choose one of the listed options for ${label}.`,
  chooseAtLeastOne: (label: string) => `Choose at least one option for ${label}.`,
  /** An optional field's label: the field's own label, marked as optional. */
  optionalField: (label: string) => `${label} (optional)`,
  whereToFind: 'Where to find this',
  scopesHelp: 'Separate scopes with spaces or commas.',
  fixFieldsBelow: 'Check the highlighted fields and try again.',
  noCredentialsNeeded: (provider: string) => `${provider} needs no password or key. Select Connect to continue.`,
  popupSchemeIntro: (provider: string) => `Enter these details, then sign in to ${provider} in a new window.`,
  chooseMethod: 'How do you want to connect?',
  // Files, generated secrets and PEM blocks
  chooseFile: 'Choose file',
  chooseFileFor: (label: string) => `Choose a file for ${label}`,
  replaceLabel: (label: string) => `Replace ${label}`,
  privateKeyLoaded: (algorithm: string) => (algorithm ? `${algorithm} private key loaded` : 'Private key loaded'),
  generateLabel: (label: string) => `Generate a new ${label}`,
  copy: 'Copy',
  copyLabel: (label: string) => `Copy ${label}`,
  copied: 'Copied',
  copyFailed: 'Could not copy. Select the text and copy it yourself.',
  hmacAlgorithm: 'Signature algorithm',
  hmacSignedParts: 'Signed content',
  /** The parts a signature covers; shown as a list in the provider's locale ("Request body and URL"). */
  hmacParts: { body: 'Request body', url: 'URL' } as Record<string, string>,
  hmacEncoding: 'Signature format',
  hmacEncodings: { hex: 'Hexadecimal', base64: 'Base64', base64url: 'Base64, URL-safe' } as Record<string, string>,
  sentIn: 'Signature sent as',
  pemMissing: (label: string) => `Paste the whole text, starting with the line -----BEGIN ${label}-----.`,
  pemUnclosed: (label: string) => `The last line, -----END ${label}-----, is missing. Paste the whole text.`,
  pemMismatch: (begin: string, end: string) =>
    `The text starts with -----BEGIN ${begin}----- but ends with -----END ${end}-----. Both lines must name the same thing.`,
  pemBadBody: 'The text between the BEGIN and END lines is damaged. Copy it again from the original file.',
  pemStray: 'Remove any text before the -----BEGIN----- line or after the -----END----- line.',
  pemNotCertificate: (label: string) => `This is a ${label}, not a certificate.`,
  pemKeyInCertificate: 'This is a private key. Paste it into the Private key field; this one needs a certificate.',
  pemNotPrivateKey: (label: string) => `This is a ${label}, not a private key.`,
  pemEncryptedKey:
    'This private key is protected by a passphrase. Remove the passphrase first, then paste the key again. For example: openssl pkey -in key.pem -out key-plain.pem',
  pemOneKey: 'Paste one private key, not several.',
  pemBinaryFile: (name: string) =>
    `${name} is a binary file (DER or PKCS#12), not PEM text. Convert it first, for example with: openssl x509 -inform der -in cert.cer -out cert.pem, or openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem`,
  pemUnreadableFile: (name: string) => `Could not read ${name}.`,
  sharedSecret: 'Shared secret',
  sharedSecretHelp: 'Paste the secret both sides share, or generate one here and copy it to the other side.',
  signingKey: 'Signing key',
  signingKeyHelp: 'A private key (RSA or EC) as text starting with -----BEGIN, or the shared secret.',
  caChain: 'CA certificate chain',
  pemHelp: 'Paste the text that starts with -----BEGIN, or choose the file.',
  workspaceHelp: (provider: string) => `The ${provider} workspace, subdomain or instance to connect.`,
  connectionNameHelp: 'How this connection is listed. It must differ from your other connections to this app.',
  baseUrlHelp: (provider: string) =>
    `Only if your ${provider} account has its own web address, such as \`https://acme.example.com\`. Leave empty to use the standard one.`,
  invalidUrl: (label: string) => `${label} must be a web address such as https://example.com.`,
  advanced: 'Advanced',
  /** Help for a key the provider expects with a prefix (such as "Bearer"), which is added on sending. */
  apiKeyPrefixHelp: (prefix: string) => `Paste only the key, without “${prefix.trim()}” in front of it.`,
}

/** The messages every component uses (the gallery's are apart: `galleryMessages`). */
export type CoreMessages = typeof defaultMessages

/**
 * The shape of the messages object; override any key through `ConnectProvider`'s `messages`. The
 * provider gallery's own English defaults live in `galleryMessages`, so an app without a gallery
 * does not download them; a catalog or an override may still set them here.
 */
export type ConnectMessages = CoreMessages & GalleryMessages

/** What components read from the context: every core message, and the gallery's when set. */
export type ContextMessages = CoreMessages & Partial<GalleryMessages>
