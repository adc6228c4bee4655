// Keeps the page current without a reload: each Server-Sent Event names a new snapshot version,
// and the page fetches just its live part. Without EventSource it polls instead.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.fetch) { return; }
  var loading = false;

  function refresh() {
    if (loading) { return; }
    loading = true;
    fetch(location.pathname + location.search, { headers: { 'X-Upbeat-Fragment': 'live' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) { live.innerHTML = html; } })
      .catch(function () { /* the next event or poll tries again */ })
      .then(function () { loading = false; });
  }

  var events = null;

  function listen() {
    events = new EventSource('/events');
    events.addEventListener('status', function (e) {
      if (e.lastEventId && e.lastEventId !== live.getAttribute('data-version')) {
        live.setAttribute('data-version', e.lastEventId);
        refresh();
      }
    });
  }

  if (window.EventSource) {
    listen();
    // Events come only with changes; durations ("for 12 minutes") grow without one.
    setInterval(function () { if (!document.hidden) { refresh(); } }, 60000);
    // A page kept in the back-forward cache must not hold a stream open: browsers allow only a
    // few connections per host, and held streams would starve the next page.
    window.addEventListener('pagehide', function () { if (events) { events.close(); events = null; } });
    window.addEventListener('pageshow', function (e) { if (e.persisted && !events) { listen(); refresh(); } });
  } else {
    setInterval(refresh, 30000);
  }
})();
