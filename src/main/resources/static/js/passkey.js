/* F-PASSKEY: the browser side of registering and using a passkey. Loaded only by the pages that need it.
 * Each form[data-passkey-ceremony] ("create" or "get") runs one WebAuthn ceremony when submitted: it asks the server
 * for options (data-options), lets the browser talk to the authenticator, posts the answer to the form's action with
 * the page's CSRF token in a header, and follows the server's "redirect" or shows its "error". */
(function () {
  'use strict';

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) { base64 += '='; }
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      return { type: d.type, id: toBytes(d.id), transports: d.transports };
    });
  }

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    var options = Object.assign({}, json);
    options.challenge = toBytes(json.challenge);
    options.user = Object.assign({}, json.user, { id: toBytes(json.user.id) });
    options.excludeCredentials = descriptors(json.excludeCredentials);
    return options;
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    var options = Object.assign({}, json);
    options.challenge = toBytes(json.challenge);
    options.allowCredentials = descriptors(json.allowCredentials);
    return options;
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      return credential.toJSON();
    }
    var r = credential.response;
    var response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      if (r.userHandle) { response.userHandle = toBase64url(r.userHandle); }
    }
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    };
  }

  function post(form, url, body) {
    var token = form.querySelector('input[name="_csrf"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token) { headers['X-CSRF-TOKEN'] = token.value; }
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (answer.redirect) { window.location.assign(answer.redirect); return null; }
          var problem = new Error(answer.error || '');
          problem.fromServer = true;
          throw problem;
        });
      });
  }

  function fail(form, text) {
    var alert = form.querySelector('[data-passkey-error]');
    // an alert only while it says something: pages keep role=alert for the messages people see
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    alert.hidden = false;
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.disabled = false; }
  }

  function explain(form, problem) {
    if (problem && problem.fromServer && problem.message) { return problem.message; }
    var name = problem && problem.name;
    if (name === 'NotAllowedError' || name === 'AbortError') { return form.dataset.msgCancelled; }
    if (name === 'InvalidStateError') { return form.dataset.msgDuplicate; }
    if (name === 'NotSupportedError' || name === 'SecurityError') { return form.dataset.msgUnsupported; }
    return form.dataset.msgFailed;
  }

  function ceremony(form) {
    var create = form.dataset.passkeyCeremony === 'create';
    var nameField = form.querySelector('input[name="name"]');
    if (!window.PublicKeyCredential || !navigator.credentials) {
      fail(form, form.dataset.msgUnsupported);
      return;
    }
    if (create && nameField && !nameField.value.trim()) {
      fail(form, form.dataset.msgName);
      nameField.focus();
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.disabled = true; }
    form.querySelector('[data-passkey-error]').hidden = true;
    var token = form.querySelector('input[name="_csrf"]');
    var headers = { 'Accept': 'application/json' };
    if (token) { headers['X-CSRF-TOKEN'] = token.value; }
    fetch(form.dataset.options, { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) {
            var problem = new Error(json.error || '');
            problem.fromServer = true;
            throw problem;
          }
          return json;
        });
      })
      .then(function (json) {
        // the server may first ask for a second factor (adding a passkey is a step-up action): go there
        if (json.redirect) { window.location.assign(json.redirect); return null; }
        return create
          ? navigator.credentials.create({ publicKey: creationOptions(json) })
          : navigator.credentials.get({ publicKey: requestOptions(json) });
      })
      .then(function (credential) {
        if (!credential) { return null; }
        var answer = credentialJson(credential);
        var body = create ? { name: nameField ? nameField.value.trim() : '', credential: answer } : answer;
        // F-DEVICE: "Remember this browser", where the page offers it, travels as a parameter of the answer
        var remember = form.querySelector('input[name="remember"]');
        var url = form.getAttribute('action') + (remember && remember.checked ? '?remember=true' : '');
        return post(form, url, JSON.stringify(body));
      })
      .catch(function (problem) { fail(form, explain(form, problem)); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form[data-passkey-ceremony]');
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener('submit', function (event) {
        event.preventDefault();
        ceremony(event.currentTarget);
      });
    }
  });
}());
