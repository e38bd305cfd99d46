// Every story in the dark theme (English), checked with axe; see checkStories.tsx.
import { checkEveryStory, setUpStories } from './checkStories'

setUpStories()
checkEveryStory('dark', { initialGlobals: { theme: 'dark' } })
