import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { VERSORI_DEMO } from '../../demo/server/versori/types'
import { AuthSchemeForm, ConnectButton } from '../../src/index'
import { FAKE_VERSORI, FAKE_VERSORI_ISSUER, fakeVersoriCallbackUrl } from '../../test/fakeVersori'
import type { Canvas } from '../support'
import {
  connectButton,
  expectNothingSent,
  defaultName,
  expectConnectionFields,
  fakeVersori,
  fakeVersoriParameters,
  onlyCreateBody,
  providerOf,
  updateRequests,
  versoriRequests,
  withFakeVersori,
} from './withFakeVersori'

const TEMPLATE = 'Acme OAuth'
const CONTINUE = `Continue to ${TEMPLATE}`
const WAITING = `Finish signing in to ${TEMPLATE} in the window that opened.`

/**
 * Versori `oauth2` with the authorization code grant (template "Acme OAuth", PKCE): scopes and the
 * connection's name first, then Acme's consent page in a sign-in window. Versori starts it
 * (InitialiseOAuth2Connection), its hosted callback page answers the kit's hello, and the code
 * becomes the connection's `oauth2-code` credential. Here the consent page is the stand-in
 * `fake-versori-authorize.html`, answering as `autoAuthorize` says.
 */
const meta = {
  title: 'Versori/AuthorizationCode',
  component: AuthSchemeForm,
  ...withFakeVersori,
  args: { provider: providerOf(TEMPLATE), onSuccess: fn(), onError: fn(), onCancel: fn() },
} satisfies Meta<typeof AuthSchemeForm>
export default meta
type Story = StoryObj<typeof meta>

/** The window answers after its pages load; give it more than the default time. */
const POPUP = { timeout: 20_000 }

/** Spies on `window.open` (calling through), so a story can reach the window the kit opened. */
function watchPopups() {
  const open = spyOn(window, 'open')
  return { open, latest: () => open.mock.results.at(-1)?.value as Window | null | undefined }
}

const initialiseRequests = (loaded: Record<string, unknown>) => versoriRequests(loaded, 'POST', /\/oauth2\/initialise$/)
const scopes = (canvas: Canvas) => within(canvas.getByRole('group', { name: /^Scopes/ }))

/** What the kit asks Versori to start: the template's client, authorize URL, chosen scopes and extra parameters. */
async function expectInitialised(loaded: Record<string, unknown>, chosen: string[]) {
  const [request, ...more] = initialiseRequests(loaded)
  await expect(more).toHaveLength(0)
  await expect(request?.path).toMatch(new RegExp(`/systems/${fakeVersori(loaded).template(TEMPLATE).id}/oauth2/initialise$`))
  await expect(request?.body).toEqual({
    credential: { id: VERSORI_DEMO.codeClient.credentialId, organisationId: FAKE_VERSORI.organisationId },
    authorizeUrl: `${FAKE_VERSORI_ISSUER}/auth`,
    clientId: VERSORI_DEMO.codeClient.id,
    scopes: chosen,
    prompt: 'consent',
    additionalParams: 'access_type=offline',
  })
}

/** As first shown: what happens next, the template's scopes (its default checked), the prefilled name, and "Continue to Acme OAuth". */
export const Empty: Story = {
  play: async ({ canvas, loaded }) => {
    await connectButton(canvas, CONTINUE)
    await expect(canvas.getByText(`Enter these details, then sign in to ${TEMPLATE} in a new window.`)).toBeVisible()
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Read your Acme data' })).toBeChecked()
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' })).not.toBeChecked()
    await expect(canvas.queryByLabelText('Client secret')).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Connect' })).toBeNull()
    await expectConnectionFields(canvas, TEMPLATE)
    await expect(initialiseRequests(loaded)).toHaveLength(0)
  },
}

/** The name cleared: "Connection name is required." beside it; no window opens and Versori is not asked to start. */
export const Invalid: Story = {
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await expect(await canvas.findByText('Connection name is required.')).toBeVisible()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveFocus()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(popups.open).not.toHaveBeenCalled()
    await expect(initialiseRequests(loaded)).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/**
 * Both scopes chosen; Acme's page approves. Versori starts the sign-in for the template's system
 * with those scopes; the code comes back through the hosted callback page and CreateConnection
 * carries it as an `oauth2-code` credential (with the `state` Versori issued), which the platform
 * exchanges and stores as a token. The window closes.
 */
export const Approved: Story = {
  parameters: fakeVersoriParameters({ autoAuthorize: 'allow' }),
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' }))
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await waitFor(
      () => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: providerOf(TEMPLATE), authScheme: 'oauth2/authorizationCode', status: 'working' })),
      POPUP,
    )
    await expect(popups.open).toHaveBeenCalledTimes(1)
    await expectInitialised(loaded, ['api:read', 'api:write'])
    const body = onlyCreateBody(loaded)
    await expect(body).toMatchObject({ connectionTemplateId: providerOf(TEMPLATE), externalId: FAKE_VERSORI.externalId, connection: { name: defaultName(TEMPLATE) } })
    await expect(body.connection.credentials).toHaveLength(1)
    await expect(body.connection.credentials[0]!.authSchemeConfig).toMatchObject({ type: 'oauth2', oauth2: { grant: { type: 'authorizationCode' } } })
    const credential = body.connection.credentials[0]!.credential
    await expect(credential.type).toBe('oauth2-code')
    await expect(Object.keys(credential.data)).toEqual(['oauth2Code'])
    await expect(credential.data.oauth2Code).toEqual({ code: expect.stringMatching(/^[\w-]{20,}$/), state: expect.stringMatching(/^[\w-]{40,}$/) })
    const [stored] = fakeVersori(loaded).connections
    await expect(stored?.credentials[0]?.credential).toMatchObject({ type: 'oauth2-token', data: { oauth2Token: { scopes: ['api:read', 'api:write', 'offline_access'], refreshToken: '' } }, errors: [] })
    await waitFor(() => expect(popups.latest()?.closed).toBe(true), POPUP)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/**
 * The person approves on the consent page themselves: the page got Versori's `state`, the fake's
 * code, the hosted callback as `redirect_uri`, PKCE and the extra parameter; the kit sends back
 * exactly that code and state.
 */
export const ApprovedByClick: Story = {
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    let page: URL | undefined
    await waitFor(() => {
      const href = popups.latest()?.location.href ?? ''
      expect(href).toContain('/fake-versori-authorize.html')
      page = new URL(href)
    }, POPUP)
    const params = page!.searchParams
    await expect(params.get('redirect_uri')).toBe(fakeVersoriCallbackUrl())
    await expect(params.get('client_id')).toBe(VERSORI_DEMO.codeClient.id)
    await expect(params.get('scope')).toBe('api:read offline_access')
    await expect(params.get('code_challenge_method')).toBe('S256')
    await expect(params.get('access_type')).toBe('offline')
    await expect(params.get('auto')).toBeNull()
    // The page's script binds Allow after the button is parsed: wait for the whole page, or the
    // click can land before the handler (as it did on a busy CI machine).
    await waitFor(() => {
      const page = popups.latest()?.document
      expect(page?.getElementById('allow')).toBeTruthy()
      expect(page?.readyState).not.toBe('loading')
    })
    popups.latest()!.document.getElementById('allow')!.click()
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1), POPUP)
    await expect(onlyCreateBody(loaded).connection.credentials[0]!.credential.data).toEqual({ oauth2Code: { code: params.get('code'), state: params.get('state') } })
  },
}

/**
 * The callback brings back a code the provider refuses (the window is sent to the hosted callback
 * with Versori's `state` and another code): the platform's 422 at `…data.oauth2Code.code` is no
 * field's error, so it goes to the form's summary; no field is marked, nothing is created.
 */
export const CodeRefused: Story = {
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    let state: string | null = null
    await waitFor(() => {
      const href = popups.latest()?.location.href ?? ''
      expect(href).toContain('/fake-versori-authorize.html')
      state = new URL(href).searchParams.get('state')
    }, POPUP)
    popups.latest()!.location.replace(`${fakeVersoriCallbackUrl()}?${new URLSearchParams({ code: 'not-the-issued-code', state: state! })}`)
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 422 })), POPUP)
    await expect(await canvas.findByText(/The provider refused the authorization code\./)).toBeVisible()
    for (const field of [canvas.getByRole('textbox', { name: 'Connection name' }), ...scopes(canvas).getAllByRole('checkbox')]) {
      await expect(field).toHaveAttribute('aria-invalid', 'false')
    }
    await expect(onlyCreateBody(loaded).connection.credentials[0]!.credential.data).toEqual({ oauth2Code: { code: 'not-the-issued-code', state } })
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** Acme's page denies: the form says why in an alert, nothing is created, and Continue works again. */
export const Denied: Story = {
  parameters: fakeVersoriParameters({ autoAuthorize: 'deny' }),
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas, CONTINUE)
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme sales')
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    const alert = await canvas.findByRole('alert', {}, POPUP)
    await expect(alert).toHaveTextContent(`${TEMPLATE} did not authorize the connection: The user denied access.`)
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'authorization_failed' }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(initialiseRequests(loaded)).toHaveLength(1)
    await expectNothingSent(loaded)
    await expect(fakeVersori(loaded).connections).toHaveLength(0)
    await expect(name).toHaveValue('Acme sales')
    await waitFor(() => expect(canvas.getByRole('button', { name: CONTINUE })).toHaveAttribute('aria-disabled', 'false'))
  },
}

/**
 * While the window is open: the form is busy and says where to finish, with a way to raise the
 * window or give up; a second click starts nothing more. Cancel closes the window.
 */
export const Waiting: Story = {
  parameters: fakeVersoriParameters({ autoAuthorize: 'none' }),
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await expect(await canvas.findByText(WAITING)).toBeVisible()
    const button = canvas.getByRole('button', { name: CONTINUE })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button.closest('form')).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('button', { name: 'Show sign-in window' })).toBeVisible()
    await waitFor(() => expect(initialiseRequests(loaded)).toHaveLength(1))
    await userEvent.click(button)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(popups.open).toHaveBeenCalledTimes(1)
    await expect(initialiseRequests(loaded)).toHaveLength(1)
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('The sign-in window was closed before the connection finished.')).toBeVisible()
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(popups.latest()?.closed).toBe(true))
    await expectNothingSent(loaded)
  },
}

/** Versori is slow to start the sign-in: the form is busy from the click, and the window waits blank until the URL comes. */
export const Starting: Story = {
  parameters: fakeVersoriParameters({ faults: { initialiseOAuth2: { delayMs: 60_000 } } }),
  play: async ({ canvas, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await expect(await canvas.findByText(WAITING)).toBeVisible()
    await expect(canvas.getByRole('button', { name: CONTINUE })).toHaveAttribute('aria-disabled', 'true')
    await waitFor(() => expect(initialiseRequests(loaded)).toHaveLength(1))
    await expect(popups.open).toHaveBeenCalledTimes(1)
    await expect(popups.latest()?.location.href).toBe('about:blank')
    popups.latest()?.close()
  },
}

/** Versori refuses to start (a 400 naming a field of its own): the form shows its reason and the blank window closes. */
export const StartRefused: Story = {
  parameters: fakeVersoriParameters({
    faults: { initialiseOAuth2: { status: 400, error: { message: 'The OAuth client of this template is disabled.' } } },
  }),
  play: async ({ canvas, args, loaded }) => {
    const popups = watchPopups()
    await connectButton(canvas, CONTINUE)
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The OAuth client of this template is disabled.')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 400 }))
    await waitFor(() => expect(popups.latest()?.closed).toBe(true))
    await expectNothingSent(loaded)
  },
}

/**
 * The name is already taken: sign-in succeeds, then CreateConnection is refused with a 409 at
 * `connection.name`. The message sits under Connection name; the name and scopes stay; nothing is
 * created.
 */
export const NameTaken: Story = {
  parameters: fakeVersoriParameters({
    autoAuthorize: 'allow',
    seed: [{ template: TEMPLATE, externalId: FAKE_VERSORI.externalId, name: defaultName(TEMPLATE), errors: [] }],
  }),
  play: async ({ canvas, args, loaded }) => {
    await connectButton(canvas, CONTINUE)
    await userEvent.click(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' }))
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    const message = 'A connection with this name already exists.'
    const name = canvas.getByRole('textbox', { name: 'Connection name' })
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'), POPUP)
    await expect(name).toHaveAccessibleDescription(expect.stringContaining(message))
    await expect(canvas.getByText('Check the highlighted fields and try again.')).toBeVisible()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'http', status: 409 }))
    await expect(args.onSuccess).not.toHaveBeenCalled()
    await expect(name).toHaveValue(defaultName(TEMPLATE))
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Read your Acme data' })).toBeChecked()
    await expect(scopes(canvas).getByRole('checkbox', { name: 'Change your Acme data' })).toBeChecked()
    await expect(onlyCreateBody(loaded).connection.name).toBe(defaultName(TEMPLATE))
    await expect(fakeVersori(loaded).connections).toHaveLength(1)
    // Another name, and a second sign-in, go through.
    await userEvent.clear(name)
    await userEvent.type(name, 'Acme OAuth – second account')
    await userEvent.click(canvas.getByRole('button', { name: CONTINUE }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme OAuth – second account' })), POPUP)
    await expect(initialiseRequests(loaded)).toHaveLength(2)
  },
}

/** From ConnectButton: the scopes and name come first in a dialog, then the window; afterwards the button says it is connected. */
export const FromConnectButton: Story = {
  parameters: fakeVersoriParameters({ autoAuthorize: 'allow' }),
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args, loaded }) => {
    const button = await canvas.findByRole('button', { name: `Connect ${TEMPLATE}` })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = within(await canvas.findByRole('dialog', { name: `Connect ${TEMPLATE}` }))
    await userEvent.click(dialog.getByRole('button', { name: CONTINUE }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1), POPUP)
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${TEMPLATE} is connected`)
    await expectInitialised(loaded, ['api:read'])
    await expect(onlyCreateBody(loaded).connection.credentials[0]!.credential.type).toBe('oauth2-code')
  },
}

/**
 * Reconnecting an existing connection goes straight to the window (nothing to type) and updates
 * that connection: UpdateConnection with a new code, keeping its credential ids and its own name.
 */
export const Reconnect: Story = {
  parameters: fakeVersoriParameters({ autoAuthorize: 'allow', seed: [{ template: TEMPLATE, externalId: FAKE_VERSORI.externalId, errors: ['The refresh token was revoked.'] }] }),
  render: (args) => <ConnectButton provider={args.provider} onSuccess={args.onSuccess} />,
  play: async ({ canvas, args, loaded }) => {
    const [existing] = fakeVersori(loaded).connections
    await expect(await canvas.findByRole('status')).toHaveTextContent(`${TEMPLATE}: Credentials need attention`)
    const button = await canvas.findByRole('button', { name: `Reconnect ${TEMPLATE}` })
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: existing!.id, status: 'working' })), POPUP)
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await expectNothingSent(loaded)
    const [update, ...more] = updateRequests(loaded)
    await expect(more).toHaveLength(0)
    await expect(update?.path).toMatch(new RegExp(`/connections/${existing!.id}$`))
    const body = update?.body as { name: string; credentials: { id: string; credential: { id: string; type: string } }[] }
    // Its own name ("Acme OAuth – ada"), not the "Acme OAuth – Ada Lovelace" a new one would get.
    await expect(body.name).toBe(existing!.name)
    await expect(fakeVersori(loaded).connections.map((connection) => connection.name)).toEqual([existing!.name])
    await expect(body.credentials.map((entry) => [entry.id, entry.credential.id, entry.credential.type])).toEqual([
      [existing!.credentials[0]!.id, existing!.credentials[0]!.credential.id, 'oauth2-code'],
    ])
    // The consumer's connections are read again: the reconnected one now works.
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(`${TEMPLATE} is connected`))
  },
}
