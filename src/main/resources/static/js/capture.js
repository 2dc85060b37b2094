// 现场记录: entries are saved on the phone first (IndexedDB, or localStorage where IndexedDB is
// missing), each with a key made here, and sent when the connection allows: at once, on the
// browser's "online" event, and on a timer that backs off. The server stores one opinion per key,
// so a resend is harmless. An entry refused for bad input stays here to be corrected; one refused
// because the session ended (401/403, or the sign-in page instead of an answer) stays queued.
// Texts and settings come from the page (data-config); nothing user-facing is written here.
(function () {
  'use strict';
  var root = document.getElementById('capture');
  if (!root) {
    return;
  }
  var config = JSON.parse(root.getAttribute('data-config'));
  var texts = config.texts || {};
  var SETUP_FIELDS = ['channel', 'addressee', 'receivedAt', 'receptionPlace', 'visitorCount'];
  var ENTRY_FIELDS = ['content', 'category', 'placeCode', 'placeDetail', 'voterName', 'voterPhone', 'consent'];
  var PERSONAL = ['voterName', 'voterPhone'];
  var KEEP_STORED = 30;
  var MIN_DELAY = 5000;
  var MAX_DELAY = 5 * 60 * 1000;

  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = texts[key] || key;
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; the same version-4 shape from getRandomValues
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- the store: IndexedDB, else localStorage; both keep entries by key ----

  var store = (function () {
    var LS_KEY = 'civicloop.capture.entries';
    function lsAll() {
      try {
        return JSON.parse(localStorage.getItem(LS_KEY) || '{}');
      } catch (e) {
        return {};
      }
    }
    var fallback = {
      kind: 'localStorage',
      all: function () {
        var map = lsAll();
        return Promise.resolve(Object.keys(map).map(function (k) { return map[k]; }));
      },
      put: function (entry) {
        var map = lsAll();
        map[entry.key] = entry;
        localStorage.setItem(LS_KEY, JSON.stringify(map));
        return Promise.resolve(entry);
      },
      remove: function (key) {
        var map = lsAll();
        delete map[key];
        localStorage.setItem(LS_KEY, JSON.stringify(map));
        return Promise.resolve();
      }
    };
    if (!window.indexedDB) {
      return Promise.resolve(fallback);
    }
    return new Promise(function (resolve) {
      var open;
      try {
        open = indexedDB.open('civicloop-capture', 1);
      } catch (e) {
        resolve(fallback);
        return;
      }
      open.onupgradeneeded = function () {
        open.result.createObjectStore('entries', { keyPath: 'key' });
      };
      open.onerror = function () { resolve(fallback); };
      open.onsuccess = function () {
        var db = open.result;
        function tx(mode, work) {
          return new Promise(function (ok, fail) {
            var t = db.transaction('entries', mode);
            var result = work(t.objectStore('entries'));
            t.oncomplete = function () { ok(result && result.result !== undefined ? result.result : result); };
            t.onerror = function () { fail(t.error); };
            t.onabort = function () { fail(t.error); };
          });
        }
        resolve({
          kind: 'indexedDB',
          all: function () { return tx('readonly', function (s) { return s.getAll(); }); },
          put: function (entry) { return tx('readwrite', function (s) { s.put(entry); }).then(function () { return entry; }); },
          remove: function (key) { return tx('readwrite', function (s) { s.delete(key); }); }
        });
      };
    });
  })();

  // ---- the page's reception fields survive a reload (the run of entries shares them) ----

  var SETUP_KEY = 'civicloop.capture.setup.' + config.accountId + '.' + (config.receptionId || '');
  function loadSetup() {
    var saved;
    try {
      saved = JSON.parse(localStorage.getItem(SETUP_KEY) || '{}');
    } catch (e) {
      saved = {};
    }
    SETUP_FIELDS.forEach(function (f) {
      var el = byId(f);
      if (el && saved[f]) {
        el.value = saved[f];
      }
    });
  }
  function saveSetup() {
    var values = {};
    SETUP_FIELDS.forEach(function (f) {
      var el = byId(f);
      if (el) {
        values[f] = el.value;
      }
    });
    try {
      localStorage.setItem(SETUP_KEY, JSON.stringify(values));
    } catch (e) {
      // storage full: the fields still hold their values on this page
    }
  }

  function value(field) {
    var el = byId(field);
    if (!el) {
      return field === 'addressee' ? (config.onlyAddressee || '') : '';
    }
    return el.type === 'checkbox' ? el.checked : el.value.trim();
  }

  // ---- a first check here, so that a slip is caught while the voter is still standing there ----

  function localProblems(fields) {
    var p = [];
    function add(field, key) {
      var args = Array.prototype.slice.call(arguments, 2);
      p.push({ field: field, message: t.apply(null, [key].concat(args)) });
    }
    if (!fields.channel) { add('channel', 'opinion.error.channel'); }
    if (byId('addressee') && !fields.addressee) { add('addressee', 'opinion.error.addressee'); }
    if (!fields.receivedAt) { add('receivedAt', 'opinion.error.receivedAtRequired'); }
    if (!fields.receptionPlace) { add('receptionPlace', 'opinion.error.receptionPlaceRequired'); }
    var length = Array.from(fields.content || '').length;
    if (!fields.content) { add('content', 'opinion.error.contentRequired'); }
    else if (length < config.contentMin) { add('content', 'opinion.error.contentTooShort', config.contentMin); }
    else if (length > config.contentMax) { add('content', 'opinion.error.contentTooLong', config.contentMax); }
    if (!fields.category) { add('category', 'opinion.error.categoryRequired'); }
    if (!fields.placeCode) { add('placeCode', 'opinion.error.placeRequired'); }
    if (fields.voterPhone && !/^1[3-9]\d{9}$/.test(fields.voterPhone)) { add('voterPhone', 'opinion.error.voterPhone'); }
    if ((fields.voterName || fields.voterPhone) && !fields.consent) { add('consent', 'opinion.error.consent'); }
    return p;
  }

  function showProblems(problems) {
    document.querySelectorAll('#capture-form .is-invalid').forEach(function (el) { el.classList.remove('is-invalid'); });
    document.querySelectorAll('#capture-form [data-error]').forEach(function (el) { el.textContent = ''; });
    var box = byId('entry-errors');
    box.textContent = '';
    box.hidden = problems.length === 0;
    problems.forEach(function (problem) {
      var el = byId(problem.field);
      var slot = document.querySelector('#capture-form [data-error="' + problem.field + '"]');
      if (el && slot) {
        el.classList.add('is-invalid');
        slot.textContent = problem.message;
      }
      var line = document.createElement('div');
      line.textContent = problem.message;
      box.appendChild(line);
    });
    if (problems.length) {
      var first = byId(problems[0].field) || box;
      first.focus();
    }
  }

  // ---- what is on this phone ----

  var state = { entries: [], signedOut: false, otherAccount: false, syncing: false, failures: 0, timer: null,
    editing: null, lastNote: '' };

  function render() {
    var list = byId('entries');
    list.textContent = '';
    var mine = state.entries.slice().sort(function (a, b) { return b.createdAt.localeCompare(a.createdAt); });
    var waiting = 0;
    var stored = 0;
    mine.forEach(function (entry) {
      if (entry.state === 'waiting') { waiting++; }
      if (entry.state === 'stored') { stored++; }
      var item = document.createElement('li');
      item.className = 'list-group-item capture-entry';
      item.setAttribute('data-key', entry.key);
      item.setAttribute('data-state', entry.state);
      var text = document.createElement('div');
      text.className = 'capture-excerpt';
      text.textContent = entry.fields.content.length > 60 ? entry.fields.content.slice(0, 60) + '…' : entry.fields.content;
      item.appendChild(text);
      var status = document.createElement('div');
      status.className = 'small capture-entry-status';
      if (entry.state === 'stored') {
        status.classList.add('text-success');
        status.append(t('capture.entry.stored') + ' ');
        var code = document.createElement('a');
        code.className = 'font-monospace fw-bold capture-code';
        code.href = config.opinionUrl + entry.opinionId;
        code.textContent = entry.receiptCode;
        status.appendChild(code);
      } else if (entry.state === 'invalid') {
        status.classList.add('text-danger');
        status.textContent = t('capture.entry.invalid');
        var problems = document.createElement('ul');
        problems.className = 'mb-1';
        (entry.problems || []).forEach(function (p) {
          var li = document.createElement('li');
          li.textContent = p.message;
          problems.appendChild(li);
        });
        status.appendChild(problems);
        var fix = document.createElement('button');
        fix.type = 'button';
        fix.className = 'btn btn-sm btn-outline-danger me-2 correct-entry';
        fix.textContent = t('capture.entry.correct');
        fix.addEventListener('click', function () { correct(entry); });
        status.appendChild(fix);
        var drop = document.createElement('button');
        drop.type = 'button';
        drop.className = 'btn btn-sm btn-link text-danger remove-entry';
        drop.textContent = t('capture.entry.remove');
        drop.addEventListener('click', function () {
          if (window.confirm(t('capture.entry.removeConfirm'))) {
            store.then(function (s) { return s.remove(entry.key); }).then(reload);
          }
        });
        status.appendChild(drop);
      } else if (entry.accountId !== config.accountId) {
        status.classList.add('text-muted');
        status.textContent = t('capture.entry.otherAccount');
      } else {
        status.classList.add('text-warning-emphasis');
        status.textContent = t('capture.entry.waiting');
      }
      item.appendChild(status);
      list.appendChild(item);
    });
    byId('no-entries').hidden = mine.length > 0;
    byId('waiting-count').textContent = String(waiting);
    byId('stored-count').textContent = String(stored);
    root.setAttribute('data-waiting', String(waiting));
    byId('signed-out').hidden = !state.signedOut;
    byId('connection').textContent = navigator.onLine ? t('capture.online') : t('capture.noConnection');
    byId('connection').className = 'small ' + (navigator.onLine ? 'text-success' : 'text-danger');
    byId('sync-note').textContent = state.lastNote;
  }

  function reload() {
    return store.then(function (s) { return s.all(); }).then(function (all) {
      state.entries = all || [];
      // stored ones are kept for the receipt codes, the newest few only
      var stored = state.entries.filter(function (e) { return e.state === 'stored'; })
        .sort(function (a, b) { return b.createdAt.localeCompare(a.createdAt); });
      var old = stored.slice(KEEP_STORED);
      return store.then(function (s) {
        return Promise.all(old.map(function (e) { return s.remove(e.key); }));
      }).then(function () {
        state.entries = state.entries.filter(function (e) { return old.indexOf(e) < 0; });
        render();
      });
    });
  }

  function correct(entry) {
    state.editing = entry;
    SETUP_FIELDS.concat(ENTRY_FIELDS).forEach(function (f) {
      var el = byId(f);
      if (!el) {
        return;
      }
      if (el.type === 'checkbox') {
        el.checked = !!entry.fields[f];
      } else {
        el.value = entry.fields[f] || '';
      }
    });
    byId('correcting').hidden = false;
    showProblems(entry.problems || []);
    byId('entry').scrollIntoView({ block: 'start' });
  }

  function clearEntryFields() {
    ENTRY_FIELDS.forEach(function (f) {
      var el = byId(f);
      if (el.type === 'checkbox') {
        el.checked = false;
      } else if (f !== 'placeCode' && f !== 'category') {
        el.value = '';
      } else {
        el.value = '';
      }
    });
    byId('correcting').hidden = true;
  }

  byId('capture-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var fields = {};
    SETUP_FIELDS.concat(ENTRY_FIELDS).forEach(function (f) { fields[f] = value(f); });
    fields.receptionId = config.receptionId || '';
    var problems = localProblems(fields);
    showProblems(problems);
    if (problems.length) {
      return;
    }
    saveSetup();
    var editing = state.editing;
    var entry = {
      // a corrected entry keeps its key: if an earlier send did store it after all, that is what is found
      key: editing ? editing.key : newKey(),
      accountId: config.accountId,
      createdAt: editing ? editing.createdAt : new Date().toISOString(),
      state: 'waiting',
      fields: fields,
      attempts: 0
    };
    state.editing = null;
    store.then(function (s) { return s.put(entry); }).then(function () {
      clearEntryFields();
      state.lastNote = t('capture.savedLocally');
      byId('content').focus();
      return reload();
    }).then(function () {
      state.failures = 0;
      sync();
    });
  });

  // ---- sending ----

  function session() {
    return fetch(config.sessionUrl, {
      credentials: 'same-origin', redirect: 'manual', cache: 'no-store', headers: { Accept: 'application/json' }
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok || response.type === 'opaqueredirect' || type.indexOf('json') < 0) {
        return null; // signed out: the answer was the sign-in page or a refusal
      }
      return response.json();
    });
  }

  function send(entry, current) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    headers[current.csrfHeader] = current.csrfToken;
    var body = Object.assign({ key: entry.key }, entry.fields);
    return fetch(config.entriesUrl, {
      method: 'POST', credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
      headers: headers, body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return response.json().then(function (stored) {
          entry.state = 'stored';
          entry.opinionId = stored.opinionId;
          entry.receiptCode = stored.receiptCode;
          // the voter's contact is in the database now; it does not stay on the phone
          PERSONAL.forEach(function (f) { delete entry.fields[f]; });
          return 'stored';
        });
      }
      if (response.status === 400 || response.status === 409) {
        return response.json().then(function (problem) {
          entry.state = 'invalid';
          entry.problems = problem.errors || [{ field: '', message: problem.detail || problem.title }];
          return 'invalid';
        });
      }
      if (response.status === 401 || response.status === 403 || response.type === 'opaqueredirect') {
        return 'signedOut';
      }
      return 'retry';
    });
  }

  function schedule() {
    clearTimeout(state.timer);
    var waiting = state.entries.some(function (e) { return e.state === 'waiting' && e.accountId === config.accountId; });
    if (!waiting) {
      return;
    }
    var delay = Math.min(MAX_DELAY, MIN_DELAY * Math.pow(2, state.failures));
    state.timer = setTimeout(sync, delay);
    root.setAttribute('data-next-retry', String(delay));
  }

  function sync() {
    if (state.syncing) {
      return Promise.resolve();
    }
    var waiting = state.entries.filter(function (e) { return e.state === 'waiting' && e.accountId === config.accountId; });
    if (!waiting.length) {
      render();
      return Promise.resolve();
    }
    if (!navigator.onLine) {
      state.lastNote = t('capture.offline');
      render();
      schedule();
      return Promise.resolve();
    }
    state.syncing = true;
    state.lastNote = t('capture.sending');
    render();
    return session().then(function (current) {
      if (!current) {
        state.signedOut = true;
        return 'signedOut';
      }
      if (current.accountId !== config.accountId) {
        state.signedOut = true; // another account signed in meanwhile: these entries wait for their recorder
        return 'signedOut';
      }
      state.signedOut = false;
      var chain = Promise.resolve('stored');
      waiting.forEach(function (entry) {
        chain = chain.then(function (previous) {
          if (previous === 'signedOut' || previous === 'retry') {
            return previous;
          }
          return send(entry, current).then(function (outcome) {
            if (outcome === 'stored' || outcome === 'invalid') {
              return store.then(function (s) { return s.put(entry); }).then(function () { return outcome; });
            }
            if (outcome === 'signedOut') {
              state.signedOut = true;
            }
            return outcome;
          });
        });
      });
      return chain;
    }).catch(function () {
      return 'retry'; // no connection after all, or the answer was cut off
    }).then(function (outcome) {
      state.syncing = false;
      state.failures = outcome === 'stored' || outcome === 'invalid' ? 0 : state.failures + 1;
      state.lastNote = outcome === 'signedOut' ? t('capture.signedOut')
        : outcome === 'retry' ? t('capture.retryIn', Math.round(Math.min(MAX_DELAY, MIN_DELAY * Math.pow(2, state.failures)) / 1000)) : '';
      return reload();
    }).then(schedule);
  }

  window.addEventListener('online', function () {
    state.failures = 0;
    sync();
  });
  window.addEventListener('offline', render);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      sync();
    }
  });
  byId('send-now').addEventListener('click', function () {
    state.failures = 0;
    sync();
  });

  // ---- the page opens without a connection: the service worker keeps it and what it loads ----

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(config.workerUrl, { scope: config.scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [location.pathname + location.search];
      document.querySelectorAll('link[rel="stylesheet"][href], script[src]').forEach(function (el) {
        urls.push(el.getAttribute('href') || el.getAttribute('src'));
      });
      var channel = new MessageChannel();
      channel.port1.onmessage = function (message) {
        if (message.data === 'cached') {
          root.setAttribute('data-offline-ready', 'true');
        }
      };
      registration.active.postMessage({ type: 'cache', urls: urls }, [channel.port2]);
    }).catch(function () {
      // no service worker (a private window, an old browser): entries are still kept and sent
    });
  }

  loadSetup();
  byId('save-entry').disabled = false;
  store.then(function (s) {
    if (s.kind !== 'indexedDB') {
      state.lastNote = t('capture.storageFallback');
    }
    return reload();
  }).then(sync);
})();
