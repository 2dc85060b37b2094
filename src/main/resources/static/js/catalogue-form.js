// The catalogue's structured form: "add a row" clones the last row of a section with its values
// cleared and the next index in its names. Without this script the form still offers two empty rows.
(function () {
  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    var body = document.getElementById(button.getAttribute('data-add-row'));
    if (!body || !body.rows.length) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var last = body.rows[body.rows.length - 1];
      var index = body.rows.length;
      var row = last.cloneNode(true);
      row.classList.remove('table-danger');
      row.id = body.id + '-' + index;
      row.querySelectorAll('.row-problems').forEach(function (p) { p.remove(); });
      row.querySelectorAll('input, textarea, select').forEach(function (control) {
        control.name = control.name.replace(/\[\d+\]/, '[' + index + ']');
        if (control.type === 'checkbox') {
          control.checked = false;
        } else if (control.tagName === 'SELECT') {
          control.selectedIndex = 0;
        } else {
          control.value = '';
        }
      });
      body.appendChild(row);
      var first = row.querySelector('input, select, textarea');
      if (first) {
        first.focus();
      }
    });
  });
})();
