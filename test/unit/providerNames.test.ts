import { readFileSync } from 'node:fs'
import { expect, expectTypeOf, test } from 'vitest'
import { catalogProviderNames, providerNamesPath, renderProviderNames } from '../../scripts/providerNames'
import type { ConnectButtonProps } from '../../src/components/ConnectButton'
import type { AmpersandProviderName } from '../../src/model/providerNames'

test('AmpersandProviderName lists exactly the bundled catalog (regenerate: npx tsx scripts/providerNames.ts)', () => {
  expect(readFileSync(providerNamesPath, 'utf8')).toBe(renderProviderNames(catalogProviderNames()))
})

test("ConnectButton's provider suggests the catalog names and still takes any id", () => {
  expectTypeOf<AmpersandProviderName>().toExtend<ConnectButtonProps['provider']>()
  expectTypeOf<'salesforce'>().toExtend<AmpersandProviderName>()
  expectTypeOf<string>().toExtend<ConnectButtonProps['provider']>()
})
