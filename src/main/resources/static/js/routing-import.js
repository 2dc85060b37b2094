// The history import's progress bar: asks how far the import is until it has finished, then shows the outcome.
(function () {
  var box = document.getElementById('import-progress');
  if (!box) {
    return;
  }
  var bar = document.getElementById('import-bar');
  var url = box.getAttribute('data-progress');
  function poll() {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (p) {
        bar.value = p.percent;
        if (p.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 500);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();
