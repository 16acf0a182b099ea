// The field form (入户走访): every visit is first kept on this device (localStorage), then sent;
// what could not be sent (no connection, or signed out) is sent again when the connection is
// back. The server takes each visit once by its id, so sending one twice is harmless.
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  if (!form || !window.localStorage || !window.fetch) return;
  // Kept per user and campaign: on a shared phone, one cadre's visits are never sent as another's.
  var storeKey = 'tuopin.visits.' + form.dataset.user + '.' + form.dataset.campaign;
  var status = document.getElementById('field-status');
  var list = document.getElementById('queue');
  var empty = document.getElementById('queue-empty');
  var maxPhoto = 20 * 1024 * 1024;
  var sending = false;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field-sw.js').catch(function () {});
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || '[]'); } catch (e) { return []; }
  }
  // False when the device has no room left (the caller says so and keeps the form as typed).
  function save(queue) {
    try { localStorage.setItem(storeKey, JSON.stringify(queue)); return true; } catch (e) { return false; }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function render() {
    var queue = load();
    list.textContent = '';
    empty.hidden = queue.length > 0;
    queue.forEach(function (v) {
      var item = document.createElement('li');
      item.textContent = v.household + ' · ' + v.visitedAt + (v.refused ? ' — ' + form.dataset.msgRefused + v.refused : '');
      if (v.refused) {
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = form.dataset.msgRemove;
        remove.addEventListener('click', function () {
          save(load().filter(function (x) { return x.id !== v.id; }));
          render();
        });
        item.appendChild(document.createTextNode(' '));
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
  }

  function readPhoto(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  // A phone's photo shrunk to at most 1600 px a side as a JPEG, so that a few fit in the
  // device's storage; what cannot be drawn is kept as it is (the server checks its type).
  function shrink(dataURL) {
    return new Promise(function (resolve) {
      var image = new Image();
      image.onload = function () {
        try {
          var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
          var canvas = document.createElement('canvas');
          canvas.width = Math.round(image.width * scale);
          canvas.height = Math.round(image.height * scale);
          canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL('image/jpeg', 0.8));
        } catch (e) {
          resolve(dataURL);
        }
      };
      image.onerror = function () { resolve(dataURL); };
      image.src = dataURL;
    });
  }

  // A request that hangs is given up after 30 s (the visit stays kept and is sent later).
  function post(body) {
    var abort = window.AbortController ? new AbortController() : null;
    var timer = abort ? setTimeout(function () { abort.abort(); }, 30000) : null;
    return fetch(form.action, {
      method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual', signal: abort ? abort.signal : undefined,
      headers: { 'X-CSRF-Token': form.elements._csrf.value, 'Accept': 'application/json' }
    }).finally(function () { if (timer) clearTimeout(timer); });
  }

  function refuse(id, message) {
    var kept = load();
    kept.forEach(function (x) { if (x.id === id) x.refused = message; });
    save(kept);
  }

  function blob(dataURL) {
    var comma = dataURL.indexOf(',');
    var type = dataURL.slice(5, dataURL.indexOf(';'));
    var bytes = atob(dataURL.slice(comma + 1));
    var out = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
    return new Blob([out], { type: type });
  }

  function markVisited(household) {
    var option = form.household.querySelector('option[value="' + household + '"]');
    if (option && option.textContent.indexOf('✓') < 0) option.textContent += ' ✓';
  }

  // Sends what is kept, oldest first; stops at the first failure of the connection.
  function send() {
    if (sending) return Promise.resolve();
    sending = true;
    var sent = 0;
    var warnings = [];
    var queue = load().filter(function (v) { return !v.refused; });
    var step = function (i) {
      if (i >= queue.length) return Promise.resolve('done');
      var v = queue[i];
      var body = new FormData();
      body.append('id', v.id);
      v.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
      if (v.photo) body.append('photo', blob(v.photo), 'photo');
      return post(body).then(function (response) {
        if (response.ok) {
          save(load().filter(function (x) { return x.id !== v.id; }));
          markVisited(v.household);
          sent++;
          // Taken; but the risks it reported could not be raised as a lead: say so, to be recorded by hand.
          return response.json().then(function (answer) {
            if (answer.leadFailed) warnings.push(v.household + '：' + answer.message);
          }, function () {}).then(function () { return step(i + 1); });
        }
        // A redirect (to the sign-in page) or a refused form token: the session has ended.
        if (response.type === 'opaqueredirect' || response.status === 0) return 'signIn';
        var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
        if (response.status === 403 && !json) return 'signIn';
        // A server fault: this visit is tried again later; the others go on.
        if (response.status >= 500) return step(i + 1);
        return (json ? response.json() : Promise.resolve({})).then(function (answer) {
          refuse(v.id, answer.error || String(response.status));
          return step(i + 1);
        });
      }, function () { return 'offline'; });
    };
    return step(0).catch(function () { return 'offline'; }).then(function (outcome) {
      sending = false;
      render();
      var left = load().filter(function (v) { return !v.refused; }).length;
      if (outcome === 'signIn') say(form.dataset.msgSignIn);
      else if (left > 0) say(form.dataset.msgOffline.replace('{count}', String(left)));
      else if (sent > 0) say(form.dataset.msgSent.replace('{count}', String(sent)));
      if (warnings.length) say(status.textContent + ' ' + warnings.join(' '));
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.reportValidity()) return;
    var option = form.household.options[form.household.selectedIndex];
    form.elements.basis.value = option ? option.dataset.basis : '';
    var data = new FormData(form);
    var visit = { id: newId(), household: data.get('household'), visitedAt: data.get('visitedAt'), fields: [], photo: null };
    data.forEach(function (value, name) {
      if (name !== 'photo' && name !== '_csrf' && name !== 'id') visit.fields.push([name, String(value)]);
    });
    var file = form.elements.photo.files[0];
    var ready = Promise.resolve();
    if (file && file.size > 0) {
      if (file.size > maxPhoto) { say(form.dataset.msgPhotoTooLarge); return; }
      ready = readPhoto(file).then(shrink).then(function (url) { visit.photo = url; });
    }
    ready.then(function () {
      var queue = load();
      queue.push(visit);
      if (!save(queue)) { say(form.dataset.msgFull); return; }
      say(form.dataset.msgQueued);
      form.elements.note.value = '';
      form.elements.photo.value = '';
      render();
      return send();
    }, function () { say(form.dataset.msgPhotoUnreadable); });
  });

  window.addEventListener('online', send);
  setInterval(function () { if (navigator.onLine !== false) send(); }, 5000);
  render();
  send();
})();
