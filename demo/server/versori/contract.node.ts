import { readFileSync } from 'node:fs'
import { compileVersoriContract } from './contract'
import type { PatchId } from './contractPatches'
import type { VersoriContract, VersoriContractTexts } from './contract'

export { requestBodyPointer, responsePointer } from './contract'
export type { ErrorField, VersoriContract } from './contract'

// Under tsx (`npm run demo`), import this file as `./contract.node.js`: given a bare `contract.node`,
// Node's resolver takes `.node` for a native addon and does not try `.ts`. Vite and tsc accept both.

const folder = new URL('../../../contracts/versori/', import.meta.url)

/** The contract's YAML texts, read from contracts/versori/ (Node only). */
export function readVersoriContractTexts(): VersoriContractTexts {
  return {
    seed: readFileSync(new URL('platform-api-connections.yaml', folder), 'utf8'),
    v2: readFileSync(new URL('platform-v2-openapi.yaml', folder), 'utf8'),
  }
}

/** Compiles the contract from contracts/versori/; `skip` leaves patches out (tests of the patches only). */
export function loadVersoriContract(options: { skip?: readonly PatchId[] } = {}): VersoriContract {
  return compileVersoriContract(readVersoriContractTexts(), options)
}

/** The Versori contract, compiled once, for the demo server and the contract tests. */
export const versoriContract: VersoriContract = loadVersoriContract()

/** {@link VersoriContract.validatorFor} of {@link versoriContract}. */
export const validatorFor = versoriContract.validatorFor
/** {@link VersoriContract.specIssues} of {@link versoriContract}. */
export const specIssues = versoriContract.specIssues
/** {@link VersoriContract.responseIssues} of {@link versoriContract}. */
export const responseIssues = versoriContract.responseIssues
/** {@link VersoriContract.patchesApplied} of {@link versoriContract}. */
export const patchesApplied = versoriContract.patchesApplied
