import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { Dialog, defaultMessages } from '../src/index'
import type { DialogProps } from '../src/index'
import { KitDecorator } from './support'

/** The dialog as a host opens it: a button, and the dialog's `open` in state; `onClose` closes it. */
function DialogHost({ open: initiallyOpen, onClose, ...props }: DialogProps) {
  const [open, setOpen] = useState(initiallyOpen)
  return (
    <>
      <button type="button" className="plugboard-button" data-variant="secondary" onClick={() => setOpen(true)}>
        Open the dialog
      </button>
      <Dialog
        {...props}
        open={open}
        onClose={() => {
          setOpen(false)
          onClose()
        }}
      />
    </>
  )
}

const meta = {
  title: 'Components/Dialog',
  component: Dialog,
  tags: ['autodocs'],
  decorators: [KitDecorator],
  render: (args) => <DialogHost {...args} />,
  args: {
    open: true,
    title: 'Connect Vaultly',
    onClose: fn(),
    children: <p className="plugboard-message">The dialog holds one task: here, the credential form of one provider.</p>,
  },
  argTypes: {
    open: { control: 'boolean' },
    title: { control: 'text' },
    role: { control: 'inline-radio', options: ['dialog', 'alertdialog'] },
    className: { control: 'text' },
    children: { control: false },
    onClose: { action: 'close', table: { category: 'Events' } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "The kit's modal, used by `ConnectButton` for its form and by `ConnectionList` to confirm a delete: a native `<dialog>` opened with `showModal()`, so focus stays inside, the page behind is inert, and Escape or the close button call `onClose`. Its title is its accessible name; its content mounts only while it is open. Use it to show your own headless UI in the kit's style.",
          '',
          '## Usage',
          '',
          '```tsx',
          "import { AuthSchemeForm, Dialog } from '@plugboard/react'",
          '',
          'const [open, setOpen] = useState(false)',
          '<Dialog open={open} onClose={() => setOpen(false)} title="Connect Salesforce">',
          '  <AuthSchemeForm provider="salesforce" onSuccess={() => setOpen(false)} />',
          '</Dialog>',
          '```',
          '',
          'It must be inside a `ConnectProvider` (its close button is labelled in the provider\'s words).',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof Dialog>
export default meta
type Story = StoryObj<typeof meta>

/** Open: labelled by its title, focus inside; Escape (the browser's `cancel` event) closes it and calls `onClose`. */
export const Open: Story = {
  play: async ({ canvas, args }) => {
    const dialog = await canvas.findByRole('dialog', { name: 'Connect Vaultly' })
    await expect(dialog).toHaveAttribute('data-state', 'open')
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
    // What Chromium fires on a real Escape; a script's key events do not reach the browser's handling.
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** Closed: nothing but the host's button; a click opens it, the close button closes it. */
export const Closed: Story = {
  args: { open: false },
  play: async ({ canvas, args }) => {
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Open the dialog' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Connect Vaultly' })
    await userEvent.click(within(dialog).getByRole('button', { name: defaultMessages.close }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(args.onClose).toHaveBeenCalledTimes(1)
  },
}

/** `role="alertdialog"`, for a confirmation, as `ConnectionList` asks before a delete. */
export const Confirmation: Story = {
  args: {
    role: 'alertdialog',
    title: 'Delete the Vaultly connection?',
    children: (
      <>
        <p className="plugboard-message">Anything that uses this connection stops working until it is connected again.</p>
        <div className="plugboard-actions">
          <button type="button" className="plugboard-button" data-variant="danger">
            Delete
          </button>
        </div>
      </>
    ),
  },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('alertdialog', { name: 'Delete the Vaultly connection?' })
    await expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeVisible()
  },
}

/** A long title is cut to its lines and kept whole in a tooltip; the name stays whole. */
export const LongTitle: Story = {
  args: { title: 'Reconnect Northwind Enterprise Resource Planning (production, EU data centre, read and write)' },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('dialog', { name: /^Reconnect Northwind/ })
    await expect(within(dialog).getByRole('heading')).toHaveAttribute('title', expect.stringMatching(/read and write\)$/))
  },
}
