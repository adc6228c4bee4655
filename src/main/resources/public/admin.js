// Admin pages: a live Markdown preview (rendered by the server's own safe renderer) and filling
// the incident composer from a saved template. Everything works without this script too.
(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = tokenMeta ? tokenMeta.getAttribute('content') : '';

  function preview(textarea, target) {
    var timer = null;
    var sent = 0;
    function render() {
      var mine = ++sent;
      fetch('/admin/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf },
        body: new URLSearchParams({ message: textarea.value }),
        credentials: 'same-origin'
      }).then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null && mine === sent) { target.innerHTML = html; } })
        .catch(function () { /* the next keystroke tries again */ });
    }
    textarea.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 200);
    });
    if (textarea.value) { render(); }
  }

  document.querySelectorAll('textarea[data-preview]').forEach(function (t) {
    var target = document.getElementById(t.getAttribute('data-preview'));
    if (target && window.fetch) { preview(t, target); }
  });

  var chooser = document.getElementById('template');
  if (chooser) {
    chooser.addEventListener('change', function () {
      var option = chooser.options[chooser.selectedIndex];
      if (!option.value) { return; }
      document.getElementById('title').value = option.getAttribute('data-title') || '';
      document.getElementById('impact').value = option.getAttribute('data-impact') || '';
      var message = document.getElementById('message');
      message.value = option.getAttribute('data-message') || '';
      message.dispatchEvent(new Event('input'));
    });
  }
  // On a phone the tabs scroll sideways: bring the current one into view.
  var current = document.querySelector('nav.tabs > [aria-current="page"], nav.tabs summary.current');
  var tabs = document.querySelector('nav.tabs');
  if (current && tabs && tabs.scrollWidth > tabs.clientWidth) {
    tabs.scrollLeft = current.offsetLeft - tabs.offsetLeft - (tabs.clientWidth - current.offsetWidth) / 2;
  }
})();
