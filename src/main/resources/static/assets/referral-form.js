// Referral form: keeps a copy of what is typed in this browser (localStorage), so nothing is lost if the session
// ends, the connection drops or the page is closed. The copy is restored when the page opens and the server's copy
// is older or empty, and cleared once the referral is sent. Works alongside the server draft's background save
// (htmx), and the form works without it: this file only adds to it.

const SKIP_TYPES = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'password']);

function fieldsOf(form) {
  const data = {};
  for (const el of form.elements) {
    if (!el.name || SKIP_TYPES.has(el.type) || el.name === 'website') {
      continue;
    }
    if (el.type === 'checkbox') {
      data[el.name] = data[el.name] || [];
      if (el.checked) {
        data[el.name].push(el.value);
      }
    } else if (el.type === 'radio') {
      if (el.checked) {
        data[el.name] = el.value;
      } else if (!(el.name in data)) {
        data[el.name] = '';
      }
    } else {
      data[el.name] = el.value;
    }
  }
  return data;
}

function restore(form, fields) {
  for (const el of form.elements) {
    if (!el.name || !(el.name in fields) || SKIP_TYPES.has(el.type) || el.name === 'website') {
      continue;
    }
    const value = fields[el.name];
    if (el.type === 'checkbox') {
      el.checked = Array.isArray(value) && value.includes(el.value);
    } else if (el.type === 'radio') {
      el.checked = value === el.value;
    } else if (typeof value === 'string') {
      el.value = value;
    }
  }
  // open the optional child blocks that now hold answers
  for (const details of form.querySelectorAll('details')) {
    const filled = [...details.querySelectorAll('input, select, textarea')].some(
      (el) => (el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value.trim() !== ''));
    if (filled) {
      details.open = true;
    }
  }
}

function read(key) {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) || 'null');
    return stored && typeof stored === 'object' && stored.fields ? stored : null;
  } catch (e) {
    return null;
  }
}

function write(key, fields) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), fields }));
  } catch (e) {
    // storage full or disabled: the server draft (signed in) still keeps the text
  }
}

function setUp(form) {
  const key = form.dataset.storageKey;
  if (!key) {
    return;
  }
  const serverSaved = Number(form.dataset.serverSaved || 0);
  const stored = read(key);
  if (stored && (!serverSaved || stored.savedAt > serverSaved)
      && JSON.stringify(stored.fields) !== JSON.stringify(fieldsOf(form))) {
    restore(form, stored.fields);
    const message = document.getElementById('restore-message');
    if (message) {
      message.hidden = false;
    }
    // let the background save keep the restored text on the server too
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }
  let timer = null;
  const keep = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => write(key, fieldsOf(form)), 300);
  };
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  // Sending or saving waits for a background save in flight (its answer carries the draft's new version), and no
  // background save starts once the form is being sent, so the two never cross.
  let sending = false;
  let saving = false;
  let waiting = null;
  form.addEventListener('htmx:beforeRequest', (event) => {
    if (sending) {
      event.preventDefault();
    } else {
      saving = true;
    }
  });
  form.addEventListener('htmx:afterRequest', () => {
    saving = false;
    if (waiting) {
      const submitter = waiting;
      waiting = null;
      form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined);
    }
  });
  form.addEventListener('submit', (event) => {
    write(key, fieldsOf(form));
    if (sending) {
      event.preventDefault();
    } else if (saving) {
      event.preventDefault();
      waiting = event.submitter || true;
    } else {
      sending = true;
    }
  });
  window.addEventListener('pageshow', () => {
    sending = false; // back from the browser's history cache
  });

  const status = document.getElementById('autosave-status');
  if (status) {
    document.body.addEventListener('htmx:beforeSwap', (event) => {
      const xhr = event.detail.xhr;
      if (event.detail.target !== status) {
        return;
      }
      if (xhr.status === 409) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      } else if (!xhr.responseURL || !xhr.responseURL.includes('/autosave')) {
        // redirected to sign-in: the session has ended
        event.detail.shouldSwap = false;
        status.textContent = 'Not saved: you have been signed out. What you typed is kept in this browser; '
          + 'sign in again and open this draft to carry on.';
      }
    });
    document.body.addEventListener('htmx:sendError', () => {
      status.textContent = 'Not saved: there is no connection. What you typed is kept in this browser.';
    });
  }
}

const form = document.querySelector('form[data-referral-form]');
if (form) {
  setUp(form);
}

const sent = document.getElementById('referral-sent');
if (sent && sent.dataset.clearStorage) {
  try {
    window.localStorage.removeItem(sent.dataset.clearStorage);
  } catch (e) {
    // nothing kept
  }
}
