// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // Resend button: disabled with a live countdown until the server will accept a new send.
  function resendCountdown() {
    var button = document.getElementById('resend-code');
    if (!button) return;
    var wait = parseInt(button.getAttribute('data-wait') || '0', 10);
    var note = document.querySelector('.resend-wait');
    if (!(wait > 0)) return;
    var label = button.textContent;
    var until = Date.now() + wait * 1000;
    button.disabled = true;
    function tick() {
      var left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        button.disabled = false;
        button.textContent = label;
        if (note) note.hidden = true;
        return;
      }
      button.textContent = label + ' (' + left + 's)';
      setTimeout(tick, 1000);
    }
    tick();
  }

  // Code expiry: "mm:ss left" next to the expiry time.
  function expiryCountdown() {
    var el = document.querySelector('.countdown[data-until]');
    if (!el) return;
    var until = parseInt(el.getAttribute('data-until'), 10);
    function tick() {
      var left = Math.max(0, Math.round((until - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      el.textContent = left > 0 ? '(' + m + ':' + (s < 10 ? '0' : '') + s + ')' : '';
      if (left > 0) setTimeout(tick, 1000);
    }
    tick();
  }

  // Backup codes: print and copy buttons (download works without JavaScript).
  function backupCodeButtons() {
    var print = document.getElementById('backup-print');
    if (print) print.addEventListener('click', function () { window.print(); });
    var copy = document.getElementById('backup-copy');
    if (!copy) return;
    copy.addEventListener('click', function () {
      var codes = Array.prototype.map.call(document.querySelectorAll('.backup-code'), function (el) {
        return el.textContent.trim();
      }).join('\n');
      if (navigator.clipboard) {
        navigator.clipboard.writeText(codes).then(function () {
          copy.textContent = copy.getAttribute('data-copied') || 'Copied';
        });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    resendCountdown();
    expiryCountdown();
    backupCodeButtons();
  });
})();
