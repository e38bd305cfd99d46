import type { Meta, StoryObj } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton, ConnectionList, ConnectProvider, de, defaultMessages } from '../src/index'
import type { ConnectProviderProps } from '../src/index'
import { memory, memoryLoader } from './withMemoryBackend'
import { readyButton } from './support'

/**
 * A ConnectProvider with the story's props over this render's memory backend (whatever `backend`
 * the controls hold), around a button and the connection list.
 */
function ProviderWithKit({ loaded, ...props }: Partial<ConnectProviderProps> & { loaded: Record<string, unknown> }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <ConnectProvider consumerRef="consumer-1" queryClient={queryClient} {...props} backend={memory(loaded).backend}>
      <ConnectButton provider="vaultly" />
      <ConnectionList />
    </ConnectProvider>
  )
}

const meta: Meta<ConnectProviderProps> = {
  title: 'Components/ConnectProvider',
  component: ConnectProvider,
  tags: ['autodocs'],
  loaders: [memoryLoader],
  render: (args, { loaded }) => <ProviderWithKit {...args} loaded={loaded} />,
  args: { groupRef: 'group-1', consumerRef: 'consumer-1', consumerName: 'Ada Lovelace', onEvent: fn() },
  argTypes: {
    groupRef: { control: 'text' },
    groupName: { control: 'text' },
    consumerRef: { control: 'text' },
    consumerName: { control: 'text' },
    locale: { control: 'select', options: ['en', 'de', 'fr', 'es', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'system'] },
    backend: { control: false },
    children: { control: false },
    messages: { control: false },
    queryClient: { control: false },
    onEvent: { action: 'event', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "The kit's root: it holds the platform backend, whose connections these are (the group and the consumer), the query cache, the words and the locale, and the theme. Every component and hook of the kit must be inside one. It paints nothing itself.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { ampersand, ConnectButton, ConnectionList, ConnectProvider, de } from '@plugboard/react'",
          "import '@plugboard/react/styles.css'",
          '',
          "const backend = ampersand({ project: 'my-project', apiKey: import.meta.env.VITE_AMPERSAND_KEY })",
          '',
          '<ConnectProvider backend={backend} groupRef={org.id} consumerRef={user.id} locale="de" messages={de} theme="system" onEvent={track}>',
          '  <ConnectButton provider="salesforce" />',
          '  <ConnectionList />',
          '</ConnectProvider>',
          '```',
          '',
          'Create the backend once (module scope or `useState`), not on every render. These stories run over the test kit\'s memory backend (`@plugboard/react/testing`).',
        ].join('\n'),
      },
    },
  },
}
export default meta
type Story = StoryObj<ConnectProviderProps>

/** English, the page's theme: a button and the (empty) list under one provider. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await readyButton(canvas, defaultMessages.connect('Vaultly'))
    await expect(await canvas.findByText(defaultMessages.noConnections)).toBeVisible()
  },
}

/** `locale="de"` with the German catalog: every word and date of the kit below is German. */
export const German: Story = {
  args: { locale: 'de', messages: de },
  play: async ({ canvas }) => {
    await readyButton(canvas, de.connect!('Vaultly'))
    await expect(await canvas.findByText(de.noConnections!)).toBeVisible()
  },
}

/**
 * `theme="dark"` on a dark page: the kit's roots carry `data-theme="dark"` whatever the page's own
 * attributes say. The kit paints no page background, so the page must be dark too.
 */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement, canvas }) => {
    await readyButton(canvas, defaultMessages.connect('Vaultly'))
    await waitFor(() => expect(canvasElement.querySelector('.plugboard-connection-list')).toHaveAttribute('data-theme', 'dark'))
  },
}

/** `onEvent` hears every flow below it: opening the form and cancelling it. */
export const Events: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(await readyButton(canvas, defaultMessages.connect('Vaultly')))
    const dialog = within(await canvas.findByRole('dialog'))
    await userEvent.click(dialog.getByRole('button', { name: defaultMessages.close }))
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'cancelled', provider: 'vaultly' })))
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'opened', provider: 'vaultly' }))
  },
}
