// Safeguarding Partnership Hub: progressive enhancement bootstrap.
// Replaces GOV.UK Frontend's usual inline <script> (our CSP forbids inline scripts).
// Load as: <script type="module" src="/assets/hub.js"></script>
// Module scripts only run in browsers GOV.UK Frontend supports, so both classes
// can be added unconditionally. The import is resolved relative to this file
// (i.e. /assets/govuk-frontend.min.js), so it also works under a context path.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Reflow (WCAG 1.4.10): a table wider than its column that the page did not
// already put in a scrolling region gets one, labelled by its caption and
// focusable so it can be scrolled from the keyboard; the page itself then never
// scrolls sideways. Checked again when the window is resized (a phone turned).
function contain (table) {
  if (table.closest('.hub-table-scroll, .hub-perf-scroll') || !table.parentElement) return
  if (table.offsetWidth <= table.parentElement.clientWidth) return
  const region = document.createElement('div')
  region.className = 'hub-table-scroll'
  region.setAttribute('role', 'region')
  region.tabIndex = 0
  const caption = table.querySelector('caption')
  region.setAttribute('aria-label', caption && caption.textContent.trim() ? caption.textContent.trim() : 'Table')
  table.before(region)
  region.append(table)
}
function containWideTables () {
  document.querySelectorAll('main table').forEach(contain)
}
containWideTables()
window.addEventListener('resize', containWideTables)
