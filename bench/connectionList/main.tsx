// One measurement per page load: the runner (../connectionList.bench.mjs) opens this page with
// ?kind=bare|kit|kit-all&n=1000 and reads `window.__bench`. A fresh page per run keeps runs
// independent (no heap, caches or JIT state carried from the previous list).
import { createRoot } from 'react-dom/client'
import { ConnectionList, ConnectProvider } from '../../src/index'
import '../../src/styles.css'
import { BareList } from './BareList'
import { benchBackend, benchConnections } from './benchBackend'

export interface BenchResult {
  kind: string
  count: number
  /** Rows in the DOM at first paint. */
  rows: number
  /** From just before `render()` to just after the first frame that shows the rows, named. */
  firstPaintMs: number
  /** The longest main-thread task from `render()` until 250 ms after that paint. */
  longestTaskMs: number
  /** Total blocking time over the same window: the sum of every long task's time over 50 ms. */
  blockingMs: number
}

declare global {
  interface Window {
    __bench?: BenchResult | { error: string }
  }
}

const params = new URLSearchParams(location.search)
const kind = params.get('kind') ?? 'bare'
const count = Number(params.get('n') ?? 1000)

// Long tasks (over 50 ms) are what freeze a page: input waits until they end.
const longTasks: PerformanceEntry[] = []
new PerformanceObserver((list) => {
  longTasks.push(...list.getEntries())
}).observe({ type: 'longtask', buffered: true })

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Resolves just after the browser has painted the current frame: a `requestAnimationFrame`
 * callback runs before the frame's style, layout and paint; a message posted from it is handled
 * in the next task, once that frame's main-thread work (including paint) is done.
 */
const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )

/** True once the table's first and last rows show a provider's name (the kit shows its id until the provider loads). */
const rowsShown = (container: HTMLElement) => {
  const first = container.querySelector('tbody > tr:first-child > th')?.textContent ?? ''
  const last = container.querySelector('tbody > tr:last-child > th')?.textContent ?? ''
  return first.startsWith('Acme ') && last.startsWith('Acme ')
}

/** Resolves in the microtask after the commit that first shows the rows. */
const whenRowsShown = (container: HTMLElement) =>
  new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!rowsShown(container)) return
      observer.disconnect()
      resolve()
    })
    observer.observe(container, { childList: true, subtree: true, characterData: true })
  })

async function measure(): Promise<BenchResult> {
  const connections = benchConnections(count)
  const backend = benchBackend(connections)
  // Start from a quiet page: the bundle evaluated, a couple of frames painted.
  await nextFrame()
  await nextFrame()
  await sleep(100)
  const container = document.createElement('div')
  document.body.append(container)
  const shown = whenRowsShown(container)
  const root = createRoot(container)
  const start = performance.now()
  root.render(
    kind === 'bare' ? (
      <BareList connections={connections} />
    ) : (
      <ConnectProvider backend={backend} groupRef="group-1" consumerRef="consumer-1">
        {/* `kit-all` mounts every row: what one row costs, which paging would hide. */}
        <ConnectionList pageSize={kind === 'kit-all' ? Infinity : undefined} />
      </ConnectProvider>
    ),
  )
  await shown
  const painted = await afterPaint()
  // Work that follows the paint (effects, late renders) can freeze the page too.
  await sleep(250)
  const during = longTasks.filter((task) => task.startTime + task.duration >= start && task.startTime <= painted + 250)
  return {
    kind,
    count,
    rows: container.querySelectorAll('tbody > tr').length,
    firstPaintMs: painted - start,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    blockingMs: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  }
}

measure().then(
  (result) => {
    window.__bench = result
  },
  (error: unknown) => {
    window.__bench = { error: String(error) }
  },
)
