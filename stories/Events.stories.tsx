import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton } from '../src/index'
import type { ConnectEvent } from '../src/index'
import { memory, withMemoryBackend } from './withMemoryBackend'

/** What an event says beyond its type, as an analytics row would show it: ids and kinds only. */
function describeEvent(event: ConnectEvent): string {
  switch (event.type) {
    case 'opened':
      return `${event.surface}${event.reconnect ? ', reconnect' : ''}`
    case 'method_chosen':
    case 'submitted':
      return event.methodId
    case 'error':
      return [event.kind, event.status].filter((part) => part !== undefined).join(' ')
    case 'succeeded':
    case 'deleted':
      return event.connectionId
    default:
      return ''
  }
}

/** A ConnectButton with the log of its `onEvent` beside it. */
function ButtonWithEventLog({ provider }: { provider: string }) {
  const [events, setEvents] = useState<ConnectEvent[]>([])
  return (
    <div style={{ display: 'flex', gap: '2rem', alignItems: 'flex-start' }}>
      <ConnectButton provider={provider} onEvent={(event) => setEvents((seen) => [...seen, event])} />
      <section aria-label="Event log">
        <ol>
          {events.map((event, index) => (
            <li key={index} data-type={event.type} data-flow-id={event.flowId}>
              <code>{event.type}</code> {describeEvent(event)} <small>flow {event.flowId.slice(0, 8)}</small>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

/**
 * `onEvent`: the typed stream a host sends to its analytics. Every event of one attempt carries
 * the same `flowId`; none carries what the person typed. Over the memory backend, where a secret
 * of `wrong` is refused.
 */
const meta = {
  title: 'Events/onEvent',
  component: ButtonWithEventLog,
  ...withMemoryBackend,
  args: { provider: 'vaultly' },
} satisfies Meta<typeof ButtonWithEventLog>
export default meta
type Story = StoryObj<typeof meta>

const SECRET = 'vault-secret-4821'

/** A refused secret, then a good one: opened, submitted, error, submitted, succeeded, one flowId. */
export const CredentialFormFlow: Story = {
  play: async ({ canvas, loaded }) => {
    const button = await canvas.findByRole('button', { name: 'Connect Vaultly' })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = within(await canvas.findByRole('dialog', { name: 'Connect Vaultly' }))
    await userEvent.type(dialog.getByLabelText('Secret'), 'wrong')
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }))
    await dialog.findByText('The provider refused this value.')
    await userEvent.clear(dialog.getByLabelText('Secret'))
    await userEvent.type(dialog.getByLabelText('Secret'), SECRET)
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }))

    const log = within(canvas.getByRole('region', { name: 'Event log' }))
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(5))
    const items = log.getAllByRole('listitem')
    await expect(items.map((item) => item.dataset.type)).toEqual(['opened', 'submitted', 'error', 'submitted', 'succeeded'])
    await expect(items[0]).toHaveTextContent('opened form')
    await expect(items[2]).toHaveTextContent('error http 422')
    await expect(items[4]).toHaveTextContent(`succeeded ${memory(loaded).connections[0]!.id}`)
    await expect(new Set(items.map((item) => item.dataset.flowId)).size).toBe(1)
    await expect(canvas.getByRole('region', { name: 'Event log' })).not.toHaveTextContent(SECRET)
  },
}
