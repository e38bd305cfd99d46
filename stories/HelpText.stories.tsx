import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { HelpText } from '../src/index'

const meta = {
  title: 'Components/HelpText',
  component: HelpText,
  tags: ['autodocs'],
  // As the forms show it: under a field, in the help paragraph.
  render: (args) => (
    <p className="plugboard-help">
      <HelpText {...args} />
    </p>
  ),
  args: { text: 'Find your key under **Settings → API**.' },
  argTypes: { text: { control: 'text' } },
  parameters: {
    docs: {
      description: {
        component: [
          "Help text from the platform (a field's hint, a provider's note) as safe inline content: `inline code` becomes `<code>`, `[links](https://…)` and bare https addresses become links that open in a new tab, and everything else stays plain text. It never injects HTML; a link to anything but https (or http on a loopback host) is shown as its text.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { HelpText } from '@plugboard/react'",
          '',
          '<p id={helpId}><HelpText text={field.help} /></p>',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof HelpText>
export default meta
type Story = StoryObj<typeof meta>

/** Plain words (Markdown other than code and links stays as typed). */
export const PlainText: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Find your key under **Settings → API**.')).toBeVisible()
  },
}

/** Inline code. */
export const InlineCode: Story = {
  args: { text: 'Paste the key that starts with `sk-live-`, not the publishable one.' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('code')).toHaveTextContent('sk-live-')
  },
}

/** A link: opens in a new tab, with no opener and no referrer. */
export const Link: Story = {
  args: { text: 'See [where to find your API key](https://example.com/docs/api-keys) in the docs.' },
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'where to find your API key' })
    await expect(link).toHaveAttribute('href', 'https://example.com/docs/api-keys')
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(link).toHaveAttribute('rel', 'noreferrer noopener')
  },
}

/** Markup and script links from a platform stay text. */
export const UnsafeInput: Story = {
  args: { text: '<img src=x onerror=alert(1)> and [click me](javascript:alert(1))' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull()
    await expect(canvas.queryByRole('link')).toBeNull()
  },
}
