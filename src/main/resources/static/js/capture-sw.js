// The capture page's service worker (served as /opinions/capture-sw.js, scope /opinions/capture):
// the page opens without a connection. The page itself is fetched from the network first and kept
// (never a sign-in page that answered instead of it); the scripts and styles it loads are served
// from the cache and refreshed behind. Sending entries is never intercepted: only GETs of the page
// and of what the page listed are handled, everything else goes to the network as if this were not here.
'use strict';

var CACHE = 'civicloop-capture-v1';
var PAGE = '/opinions/capture';

self.addEventListener('install', function (event) {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('civicloop-capture-') === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPage(url) {
  return url.origin === self.location.origin && url.pathname === PAGE;
}

/** Keeps a good answer for the page: not a redirect to the sign-in page, not an error. */
function keep(request, response) {
  if (!response || !response.ok || response.redirected || response.type !== 'basic') {
    return Promise.resolve(response);
  }
  var copy = response.clone();
  return caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }).then(function () {
    return response;
  });
}

// The page lists what it needs (itself, its scripts and styles): cached once it has loaded online.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'cache' || !Array.isArray(data.urls)) {
    return;
  }
  var port = event.ports && event.ports[0];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(data.urls.map(function (href) {
      var url = new URL(href, self.location.origin);
      if (url.origin !== self.location.origin) {
        return null;
      }
      return fetch(url.href, { credentials: 'same-origin', cache: 'no-cache' }).then(function (response) {
        if (response.ok && !response.redirected) {
          return cache.put(url.href, response);
        }
        return null;
      }).catch(function () { return null; });
    }));
  }).then(function () {
    if (port) {
      port.postMessage('cached');
    }
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (isPage(url)) {
    event.respondWith(fetch(request).then(function (response) {
      return keep(request, response);
    }).catch(function () {
      return caches.match(request).then(function (hit) {
        return hit || caches.match(PAGE, { ignoreSearch: true });
      }).then(function (hit) {
        return hit || Response.error();
      });
    }));
    return;
  }
  if (request.destination === 'script' || request.destination === 'style' || request.destination === 'font') {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
      });
      if (hit) {
        fresh.catch(function () { return null; });
        return hit;
      }
      return fresh;
    }));
  }
});
