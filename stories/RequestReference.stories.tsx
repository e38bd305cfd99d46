import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ConnectError, defaultMessages, RequestReference } from '../src/index'
import { KitDecorator } from './support'

const meta = {
  title: 'Components/RequestReference',
  component: RequestReference,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  // As the kit shows it: after the error's words, in small print.
  render: (args) => (
    <p className="plugboard-message" data-tone="error">
      Could not connect Salesforce. <RequestReference {...args} />
    </p>
  ),
  args: { error: new ConnectError('http', 'Internal error.', { status: 500, requestId: 'req_01JD0RG7Q2Z8' }) },
  argTypes: { error: { control: false } },
  parameters: {
    docs: {
      description: {
        component: [
          "The platform's request id of a failure, in small print after the error, so the person can quote it to support and support can find the request. It renders nothing when the error carries no id (any error that is not a `ConnectError`, or a platform answer without one); a very long id is cut.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { describeError, RequestReference, useConnectContext } from '@plugboard/react'",
          '',
          'function SaveError({ error }: { error: unknown }) {',
          "  const { messages } = useConnectContext('SaveError')",
          '  return <p role="alert">{describeError(error, messages)} <RequestReference error={error} /></p>',
          '}',
          '```',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof RequestReference>
export default meta
type Story = StoryObj<typeof meta>

/** A platform error with a request id. */
export const WithRequestId: Story = {
  play: async ({ canvasElement }) => {
    const small = canvasElement.querySelector('small')
    await expect(small).toHaveTextContent(`${defaultMessages.requestId} req_01JD0RG7Q2Z8`)
  },
}

/** No id (a network error never reached the platform): nothing is added. */
export const WithoutRequestId: Story = {
  args: { error: new ConnectError('network', 'Failed to fetch') },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('small')).toBeNull()
  },
}

/** An id far longer than any platform's is cut, so it cannot push the layout apart. */
export const LongRequestId: Story = {
  args: { error: new ConnectError('http', 'Bad gateway.', { status: 502, requestId: 'r'.repeat(300) }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('small bdi')?.textContent).toHaveLength(120)
  },
}
