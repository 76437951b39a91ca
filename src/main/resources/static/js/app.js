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

  // Code expiry: "(m:ss)" next to the expiry time, counted from what the server said when it sent the page
  // (so a phone whose clock is wrong still counts right).
  function expiryCountdown() {
    var el = document.querySelector('.countdown[data-seconds]');
    if (!el) return;
    var until = Date.now() + parseInt(el.getAttribute('data-seconds'), 10) * 1000;
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

  // API tokens: copy the new token (shown once) to the clipboard.
  function tokenCopyButton() {
    var copy = document.getElementById('token-copy');
    var token = document.getElementById('new-token');
    if (!copy || !token || !navigator.clipboard) return;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(token.textContent.trim()).then(function () {
        copy.textContent = copy.getAttribute('data-copied') || 'Copied';
      });
    });
  }

  // SMS codes: where the browser supports WebOTP (Chrome on Android), the code from the SMS ("@host #123456")
  // fills the field and is submitted once the user allows it. Typing it works everywhere else.
  function webOtp() {
    var form = document.getElementById('code-form');
    if (!form || form.getAttribute('data-code-factor') !== 'sms' || !('OTPCredential' in window)) return;
    var input = form.querySelector('input[name=code]');
    var abort = new AbortController();
    form.addEventListener('submit', function () { abort.abort(); });
    navigator.credentials.get({ otp: { transport: ['sms'] }, signal: abort.signal }).then(function (otp) {
      if (otp && otp.code && !input.value) {
        input.value = otp.code;
        form.submit();
      }
    }).catch(function () { /* dismissed or not available: the user types the code */ });
  }

  // A double click or a second Enter sends a POST form once: each step that signs in replaces the session, and of two
  // submits only one can win. The browser shows the answer to the last one sent, so a second submit would show the
  // loser's answer and drop the winner's cookie. The submit event is not cancelled for the first send, so the
  // clicked button's name and value still go with it.
  function submitOnce() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if ((form.getAttribute('method') || '').toLowerCase() !== 'post') return;
      if (form.getAttribute('data-submitted') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-submitted', 'true');
    });
    // a page restored from the back-forward cache may be submitted again
    window.addEventListener('pageshow', function () {
      var sent = document.querySelectorAll('form[data-submitted]');
      for (var i = 0; i < sent.length; i++) sent[i].removeAttribute('data-submitted');
    });
  }

  // The account menu in the header is a <details>: it opens and closes without script. With script, a click
  // elsewhere or Escape closes it, as people expect of a menu.
  function accountMenu() {
    var menu = document.getElementById('account-menu');
    if (!menu) return;
    document.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  }

  // Times the server wrote in UTC (<time class="local-time" datetime="...">) are shown in the reader's own time
  // zone and language. Without script, the UTC text stays, and says it is UTC. data-style="time" asks for the clock
  // time alone; a time inside a hidden .local-only (one that has no UTC text to fall back on) is shown once written.
  function localTimes() {
    var times = document.querySelectorAll('time.local-time[datetime]');
    if (!times.length || !window.Intl) return;
    var lang = document.documentElement.lang || undefined;
    // the browser's own variant of the page's language: en-GB writes 14:05 where en writes 2:05 PM
    if (lang && navigator.language && navigator.language.toLowerCase().split('-')[0] === lang.toLowerCase()) {
      lang = navigator.language;
    }
    var formats = {};
    function format(style) {
      if (!formats[style]) {
        formats[style] = new Intl.DateTimeFormat(lang, style === 'time'
          ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'medium' });
      }
      return formats[style];
    }
    try {
      format('time');
      format('');
    } catch (e) {
      return;
    }
    for (var i = 0; i < times.length; i++) {
      // HTML allows at most three digits of a second; older pages and some engines gave or want no more
      var iso = times[i].getAttribute('datetime').replace(/(\.\d{3})\d+/, '$1');
      var when = new Date(iso);
      if (isNaN(when.getTime())) continue;
      if (times[i].textContent.trim()) times[i].title = times[i].textContent.trim();
      times[i].textContent = format(times[i].getAttribute('data-style') === 'time' ? 'time' : '').format(when);
      times[i].setAttribute('data-local', 'true');
      var hidden = times[i].closest('.local-only');
      if (hidden) hidden.hidden = false;
    }
  }

  // Audit log filter: From and Until are read in the zone the hidden field tz names. An empty field (a first visit,
  // no times typed yet) gets the browser's zone, and the page says so; a zone the server already used stays.
  function auditTimeZone() {
    var field = document.getElementById('f-tz');
    if (!field || field.value || !window.Intl) return;
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    field.value = zone;
    var name = document.getElementById('audit-zone-name');
    if (name) name.textContent = zone;
  }

  // A new password: how many characters so far against the minimum, counted as the server counts them (code
  // points, so an emoji is one). The list of common passwords is checked by the server only.
  function passwordStrength() {
    var input = document.querySelector('input[data-min-length]');
    var out = document.getElementById('password-strength');
    if (!input || !out) return;
    var min = parseInt(input.getAttribute('data-min-length'), 10);
    input.addEventListener('input', function () {
      var typed = Array.from(input.value).length;
      out.hidden = typed === 0;
      out.textContent = typed < min
        ? out.getAttribute('data-short').replace('{0}', String(typed))
        : out.getAttribute('data-ok');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    passwordStrength();
    accountMenu();
    localTimes();
    auditTimeZone();
    submitOnce();
    webOtp();
    resendCountdown();
    expiryCountdown();
    backupCodeButtons();
    tokenCopyButton();
  });
})();
