import { describe, expect, test, vi } from 'vitest'
import { lazyModule } from './lazyModule'

describe('lazyModule', () => {
  test('imports once, however many callers ask, and then answers at once', async () => {
    const importer = vi.fn(async () => ({ Form: 'form' }))
    const module = lazyModule(importer)
    expect(module.current()).toBeUndefined()
    const [a, b] = await Promise.all([module.load(), module.load()])
    expect(a).toBe(b)
    expect(module.current()).toEqual({ Form: 'form' })
    await module.load()
    expect(importer).toHaveBeenCalledTimes(1)
  })

  test('a failed import can be tried again', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ Form: 'form' })
    const module = lazyModule(importer as () => Promise<{ Form: string }>)
    await expect(module.load()).rejects.toThrow('Failed to fetch')
    expect(module.current()).toBeUndefined()
    await expect(module.load()).resolves.toEqual({ Form: 'form' })
    expect(importer).toHaveBeenCalledTimes(2)
  })
})
