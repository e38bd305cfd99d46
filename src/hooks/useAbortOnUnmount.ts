'use client'
import { useCallback, useEffect, useState } from 'react'

/** Whether `error` is the rejection of an aborted request. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/**
 * Runs tasks with an abort signal that fires when the calling component unmounts: a request whose
 * answer nobody will see is not left running. Each task's controller is dropped when it settles.
 */
export function useAbortOnUnmount(): <T>(task: (signal: AbortSignal) => Promise<T>) => Promise<T> {
  const [running] = useState(() => new Set<AbortController>())
  useEffect(
    () => () => {
      for (const controller of running) controller.abort()
      running.clear()
    },
    [running],
  )
  return useCallback(
    async <T,>(task: (signal: AbortSignal) => Promise<T>) => {
      const controller = new AbortController()
      running.add(controller)
      try {
        return await task(controller.signal)
      } finally {
        running.delete(controller)
      }
    },
    [running],
  )
}
