import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { ProviderLogo } from '../src/index'

const meta = {
  title: 'Components/ProviderLogo',
  component: ProviderLogo,
  tags: ['autodocs'],
  // As the kit shows it: beside the provider's name, which carries the meaning.
  render: (args) => (
    <p className="plugboard-message" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <ProviderLogo {...args} />
      {args.displayName}
    </p>
  ),
  args: { provider: 'hubspot', displayName: 'HubSpot' },
  argTypes: {
    provider: { control: 'text' },
    displayName: { control: 'text' },
    iconUrl: { control: 'text' },
    size: { control: { type: 'number', min: 12, step: 4 } },
    className: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "A provider's logo, as `ConnectButton`, `ConnectionList` and `ProviderGallery` show it: the platform's icon when it has one (https only) that loads, else a monogram, the name's first letter on a colour fixed by the provider's id, so a provider keeps its colour everywhere. The monogram shows while the icon loads and when it fails, and the box never changes size. It is decorative (`aria-hidden`): always put the name beside it.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { ProviderLogo, useProviderSpec } from '@plugboard/react'",
          '',
          'function ProviderName({ provider }: { provider: string }) {',
          '  const { data: spec } = useProviderSpec(provider)',
          '  const name = spec?.displayName ?? provider',
          '  return <span><ProviderLogo provider={provider} displayName={name} iconUrl={spec?.logoUrl} size={20} /> {name}</span>',
          '}',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ProviderLogo>
export default meta
type Story = StoryObj<typeof meta>

/** No icon from the platform: the monogram, hidden from assistive technology. */
export const Monogram: Story = {
  play: async ({ canvasElement }) => {
    const logo = canvasElement.querySelector('.plugboard-logo')
    await expect(logo).toHaveAttribute('data-kind', 'monogram')
    await expect(logo).toHaveAttribute('data-letter', 'H')
    await expect(logo).toHaveAttribute('aria-hidden', 'true')
  },
}

/** An icon that cannot load (an unreachable host): the monogram stays, at the same size. */
export const IconFails: Story = {
  args: { iconUrl: 'https://logos.invalid/hubspot.png', size: 32 },
  play: async ({ canvasElement }) => {
    const logo = canvasElement.querySelector<HTMLElement>('.plugboard-logo')!
    await waitFor(() => expect(logo.querySelector('img')).toBeNull(), { timeout: 10_000 })
    await expect(logo).toHaveAttribute('data-kind', 'monogram')
    await expect(logo.getBoundingClientRect().width).toBe(32)
  },
}

/** An icon that is not https is never requested. */
export const InsecureIconIgnored: Story = {
  args: { iconUrl: 'http://example.com/hubspot.png' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.plugboard-logo img')).toBeNull()
  },
}

/** Names in other scripts keep their whole first letter. */
export const OtherScripts: Story = {
  args: { provider: 'zoho-jp', displayName: 'ゾーホー', size: 40 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.plugboard-logo')).toHaveAttribute('data-letter', 'ゾ')
  },
}
