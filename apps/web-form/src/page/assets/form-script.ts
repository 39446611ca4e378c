/**
 * Progressive enhancement only: the form works without it. Warns at once about files that are
 * too large or too many (the server checks again), and keeps a second tap from sending twice.
 * Served from /assets, so the Content-Security-Policy needs no 'unsafe-inline'.
 */
export const FORM_JS = `(function () {
  'use strict';
  var form = document.querySelector('form[data-max-files]');
  if (!form) return;
  var data = form.dataset;
  var input = form.querySelector('input[type="file"]');
  var live = document.getElementById('attachments-live');
  function fill(text, values) {
    return text.replace(/\\{(\\w+)\\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }
  if (input && live) {
    input.addEventListener('change', function () {
      var messages = [];
      var kept = form.querySelectorAll('input[name="kept"]:checked').length;
      if (input.files.length + kept > Number(data.maxFiles)) {
        messages.push(fill(data.msgTooMany, { max: data.maxFiles }));
      }
      for (var i = 0; i < input.files.length; i++) {
        if (input.files[i].size > Number(data.maxBytes)) {
          messages.push(fill(data.msgTooLarge, { file: input.files[i].name, size: data.maxSize }));
        }
      }
      live.textContent = messages.join(' ');
    });
  }
  var button = form.querySelector('button[type="submit"]');
  var label = button ? button.textContent : '';
  form.addEventListener('submit', function () {
    if (!button) return;
    window.setTimeout(function () {
      button.disabled = true;
      button.textContent = data.msgSending;
    }, 0);
  });
  window.addEventListener('pageshow', function () {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  });
})();
`;
