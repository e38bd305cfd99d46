import type { Decorator } from '@storybook/react-vite'
import { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ConnectProvider } from '../src/index'
import { createMemoryBackend, sampleProviders } from '../src/testing'
import type { MemoryBackend } from '../src/testing'
import { localeProps } from './support'

/**
 * A story loader that creates this render's memory backend (the testing kit's, over its
 * `sampleProviders`), so every story, and every re-run of one, starts with no connections, no
 * delay, no faults and no recorded calls.
 */
export const memoryLoader = async (): Promise<{ memory: MemoryBackend }> => ({ memory: createMemoryBackend({ providers: sampleProviders }) })

/**
 * The memory backend `memoryLoader` created for this render, from a play function's (or a
 * decorator's) `loaded`: `calls`, `saved`, `connections`, `setDelay(ms)`, `failNext(error)`,
 * `fail(method, fault)`, `completeOAuth()`.
 *
 * @example
 * play: async ({ canvas, loaded }) => {
 *   memory(loaded).setDelay(60_000)
 *   await expect(memory(loaded).saved).toHaveLength(0)
 * }
 */
export function memory(loaded: Record<string, unknown>): MemoryBackend {
  const found = loaded.memory as MemoryBackend | undefined
  if (!found) throw new Error('No memory backend for this story: add `loaders: [memoryLoader]` next to `decorators: [MemoryBackendDecorator]`.')
  return found
}

/**
 * Wraps a story in a ConnectProvider over this render's memory backend (see `memoryLoader`), with
 * a fresh cache that does not retry, in the toolbar's locale.
 */
export const MemoryBackendDecorator: Decorator = (Story, { loaded, globals }) => {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <ConnectProvider backend={memory(loaded).backend} groupRef="group-1" consumerRef="consumer-1" consumerName="Ada Lovelace" queryClient={queryClient} {...localeProps(globals)}>
      <Story />
    </ConnectProvider>
  )
}

/** Both halves, to spread into a story file's `meta`: `{ ...withMemoryBackend, title, component }`. */
export const withMemoryBackend = { loaders: [memoryLoader], decorators: [MemoryBackendDecorator] }
