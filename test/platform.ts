import { createFakePlatform } from './fakePlatform'

/** The fake platform every browser test and story talks to; reset after each test. */
export const platform = createFakePlatform()

declare global {
  interface Window {
    /** Lets the fake authorize page (in the popup) complete an authorization through its opener. */
    plugboardFakePlatform?: typeof platform
  }
}
window.plugboardFakePlatform = platform
