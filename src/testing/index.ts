// @plugboard/react/testing: what a host app needs to test its own settings page with the kit. A
// backend in memory, mock platforms for MSW that check every request body against the platform's
// contract, fake sign-in windows, and fixtures. No Hono, no ajv, no demo server inside.

// A backend in memory
export { createMemoryBackend } from './createMemoryBackend'
export type { MemoryBackend, MemoryBackendOptions, MemoryCall, MemoryFault, MemoryMethod, MemorySeed } from './createMemoryBackend'

// Mock platforms for MSW
export { ampersandHandlers } from './ampersandHandlers'
export type { AmpersandHandlersOptions, AmpersandMock } from './ampersandHandlers'
export type { AmpersandConnection, AmpersandSeed } from './AmpersandStore'
export { versoriHandlers } from './versoriHandlers'
export type { VersoriHandlersOptions, VersoriMock } from './versoriHandlers'
export type { VersoriConnection, VersoriConnectionCredential, VersoriSeed } from './VersoriStore'
export type { ContractIssue, RecordedRequest } from './recordedRequest'

// Sign-in windows
export { mockSignInWindows } from './mockSignInWindows'
export type { FakeSignInWindow, SignInWindows } from './mockSignInWindows'

// Fixtures
export { ampersandCatalog } from './ampersandCatalog'
export { versoriTemplates, versoriTestIds } from './versoriTemplates'
export type { VersoriTemplate } from './versoriTemplates'
export { sampleProviders } from './sampleProviders'
