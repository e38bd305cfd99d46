// Packs dist/ as npm would publish it, to .pack/plugboard-react.tgz: one path that does not change
// with the version, for the checks here and for examples/nextjs, which depends on it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url))
/** Where the tarball and the consumer project live (ignored by git). */
export const packDir = join(root, '.pack')
/** The packed package. */
export const tarball = join(packDir, 'plugboard-react.tgz')

/**
 * Packs the built package (run `npm run build` first) and answers npm's account of it.
 * @returns {{ entryCount: number, size: number, files: { path: string }[] }}
 */
export function pack() {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing; run npm run build first')
  rmSync(packDir, { recursive: true, force: true })
  mkdirSync(packDir, { recursive: true })
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }))
  renameSync(join(packDir, packed.filename), tarball)
  return packed
}
