import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import '@plugboard/react/styles.css'

export const metadata: Metadata = { title: 'Integrations · Plugboard on Next.js' }

/** The root layout; it loads the kit's stylesheet once for every page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
