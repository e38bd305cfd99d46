import { expect, userEvent } from 'storybook/test'
import type { Canvas } from '../support'
import { memory } from '../withMemoryBackend'

// What the credential-kind stories share: how a person submits, pastes and reads the form, and what
// the pending and refused states look like.

export const submit = (canvas: Canvas) => userEvent.click(canvas.getByRole('button', { name: 'Connect' }))

/** Pastes `text` into a field, as a person does with a key or certificate. */
export async function paste(field: HTMLElement, text: string) {
  await userEvent.click(field)
  await userEvent.paste(text)
}

/** The credentials of every save the memory backend received, oldest first. */
export const credentialsSaved = (loaded: Record<string, unknown>) => memory(loaded).saved.map((input) => input.credentials)

/** The read-only facts as a person reads them: term → detail. */
export const factsShown = (canvas: Canvas) =>
  Object.fromEntries(canvas.getAllByRole('term').map((term: HTMLElement) => [term.textContent, term.nextElementSibling?.textContent]))

/** While the provider loads the form is only a status; its Connect button means the fields are there. */
export const connectButton = (canvas: Canvas) => canvas.findByRole('button', { name: 'Connect' })

/** The summary line the form shows after a server refusal that names fields. */
export const FIX_FIELDS = 'Check the highlighted fields and try again.'
/** What the memory backend says under a field whose value was `wrong`. */
export const REFUSED = 'The provider refused this value.'

/**
 * The pending state once a save is in flight: the button says so and is aria-disabled, the form is
 * aria-busy, and a second click sends nothing more.
 */
export async function expectPending(canvas: Canvas, loaded: Record<string, unknown>) {
  const pending = await canvas.findByRole('button', { name: 'Connecting…' })
  await expect(pending).toHaveAttribute('aria-disabled', 'true')
  await expect(pending.closest('form')).toHaveAttribute('aria-busy', 'true')
  await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
  await userEvent.click(pending)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await expect(memory(loaded).saved).toHaveLength(1)
}

/** A server refusal shown under `field`: its message, described by it, invalid and focused, plus the summary. */
export async function expectRefusedUnder(canvas: Canvas, field: HTMLElement, message: string) {
  await expect(await canvas.findByText(message)).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(expect.stringContaining(message))
  await expect(field).toHaveFocus()
  await expect(canvas.getByText(FIX_FIELDS)).toBeVisible()
}

/** A DER certificate's first bytes: a SEQUENCE tag (0x30), then a long-form length. Not text. */
export const derBytes = new Uint8Array([0x30, 0x82, 0x03, 0x1a, 0x30, 0x82, 0x02, 0x02, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14, 0x4f])
