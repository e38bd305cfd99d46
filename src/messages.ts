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
  continueInPopup: (provider: string) => `Continue to ${provider}`,
  waitingForPopup: (provider: string) =>
    `Finish signing in to ${provider} in the window that opened.`,
  focusPopup: 'Show sign-in window',
  popupBlocked: (provider: string) =>
    `Your browser blocked the ${provider} sign-in window. Allow pop-ups for this site, or open it with the button below.`,
  openSignInWindow: 'Open sign-in window',
  popupClosed: 'The sign-in window was closed before the connection finished.',
  popupTimeout: 'The sign-in took too long and was stopped. Please try again.',
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
  submitReconnect: 'Save credentials',
  submitting: 'Connecting…',
  show: 'Show',
  hide: 'Hide',
  showSecret: (label: string) => `Show ${label}`,
  hideSecret: (label: string) => `Hide ${label}`,
  required: (label: string) => `${label} is required.`,
  chooseOption: (label: string) => `Choose one of the listed options for ${label}.`,
  optional: 'optional',
  whereToFind: 'Where to find this',
  scopesHelp: 'Separate scopes with spaces or commas.',
  fixFieldsBelow: 'Check the highlighted fields and try again.',
  noCredentialsNeeded: (provider: string) => `${provider} needs no credentials. Connect to continue.`,
  popupSchemeIntro: (provider: string) => `Enter these details, then sign in to ${provider} in a new window.`,
  // Field labels
  apiKey: 'API key',
  username: 'Username',
  password: 'Password',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  scopes: 'Scopes',
  workspace: 'Workspace',
  workspaceHelp: (provider: string) => `The ${provider} workspace, subdomain or instance to connect.`,
  apiKeyPrefixHelp: (prefix: string) => `Paste the key alone; the kit adds “${prefix.trim()}” for you.`,
  // Errors
  networkError: 'Could not reach the server. Check your connection and try again.',
  unexpectedResponse: (status: number) =>
    `The server sent an unexpected response (HTTP ${status}). Please try again in a moment.`,
  invalidResponse: 'The server sent a response the kit could not read. Please try again later.',
  unauthorized: 'The kit is not allowed to call the platform API. Check the API key or token.',
  rateLimited: 'Too many requests. Wait a moment and try again.',
  genericError: 'Something went wrong. Please try again.',
  providerLoadError: (provider: string) => `Could not load ${provider}'s connection settings.`,
  unsupportedScheme: (provider: string) =>
    `${provider} uses a sign-in method this kit cannot show yet.`,
  // Connection list
  connectionsTitle: 'Connected accounts',
  loadingConnections: 'Loading connections…',
  noConnections: 'No accounts are connected yet.',
  connectionsError: 'Could not load connections.',
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
  scheme: {
    none: 'No credentials',
    apiKey: 'API key',
    basic: 'Username and password',
    'oauth2/authorizationCode': 'OAuth sign-in',
    'oauth2/authorizationCodePKCE': 'OAuth sign-in (PKCE)',
    'oauth2/clientCredentials': 'OAuth client credentials',
    'oauth2/password': 'OAuth password grant',
    custom: 'Custom credentials',
  } as Record<string, string>,
  delete: 'Delete',
  deleteProvider: (provider: string) => `Delete ${provider} connection`,
  deleteConfirmTitle: (provider: string) => `Delete the ${provider} connection?`,
  deleteConfirmBody: 'Anything that uses this connection stops working until it is connected again.',
  deleting: 'Deleting…',
  deleteFailed: (provider: string) => `Could not delete the ${provider} connection.`,
  never: '—',
}

/** The shape of the messages object; override any key through `ConnectProvider`'s `messages`. */
export type ConnectMessages = typeof defaultMessages
