import seed from '../../../contracts/versori/platform-api-connections.yaml?raw'
import v2 from '../../../contracts/versori/platform-v2-openapi.yaml?raw'
import { compileVersoriContract } from './contract'
import type { VersoriContract } from './contract'

export { requestBodyPointer, responsePointer } from './contract'
export type { ErrorField, VersoriContract } from './contract'

// Vite inlines the YAML texts (`?raw`), so the fake platform in MSW validates against the same
// contract files as the demo server.

/** The Versori contract, compiled once, for the platform running inside MSW (tests, stories). */
export const versoriContract: VersoriContract = compileVersoriContract({ seed, v2 })

/** {@link VersoriContract.validatorFor} of {@link versoriContract}. */
export const validatorFor = versoriContract.validatorFor
/** {@link VersoriContract.specIssues} of {@link versoriContract}. */
export const specIssues = versoriContract.specIssues
/** {@link VersoriContract.responseIssues} of {@link versoriContract}. */
export const responseIssues = versoriContract.responseIssues
/** {@link VersoriContract.patchesApplied} of {@link versoriContract}. */
export const patchesApplied = versoriContract.patchesApplied
