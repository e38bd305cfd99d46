import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { ampersand, ConnectProvider } from '../src/index'
import type { ConnectBackend, ConnectProviderProps } from '../src/index'
import { FAKE_API_KEY, FAKE_BASE_URL, FAKE_PROJECT } from './fakePlatform'

/**
 * Renders UI inside a ConnectProvider with a fresh QueryClient, talking to the fake platform (an
 * `ampersand()` adapter over MSW) unless given another backend, such as a memory backend.
 */
export function renderWithKit(
  ui: ReactNode,
  options: { backend?: ConnectBackend; kitRetries?: boolean; providerProps?: Partial<ConnectProviderProps> } = {},
) {
  // `kitRetries`: the host sets no retry policy, so the kit's own read retries apply.
  const queryClient = new QueryClient({ defaultOptions: { queries: options.kitRetries ? {} : { retry: false } } })
  const backend = options.backend ?? ampersand({ project: FAKE_PROJECT, apiKey: FAKE_API_KEY, baseUrl: FAKE_BASE_URL })
  return {
    queryClient,
    ...render(
      <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1" queryClient={queryClient} {...options.providerProps}>
        {ui}
      </ConnectProvider>,
    ),
  }
}
