// Every story in Arabic, right to left (light), checked with axe; see checkStories.tsx.
import { checkEveryStory, setUpStories } from './checkStories'

setUpStories()
checkEveryStory('arabic rtl', { initialGlobals: { locale: 'ar', dir: 'rtl' } })
