// Safeguarding Partnership Hub: progressive enhancement bootstrap.
// Replaces GOV.UK Frontend's usual inline <script> (our CSP forbids inline scripts).
// Load as: <script type="module" src="/assets/hub.js"></script>
// Module scripts only run in browsers GOV.UK Frontend supports, so both classes
// can be added unconditionally. The import is resolved relative to this file
// (i.e. /assets/govuk-frontend.min.js), so it also works under a context path.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
