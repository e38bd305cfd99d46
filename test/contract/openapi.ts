// The contract tests validate with the same spec validator the reference platform uses.
export { errorsAgainst, requestBodyPointer, specIssues, validatorFor } from '../../demo/server/openapi'
