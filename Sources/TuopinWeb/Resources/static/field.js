// The field form (入户走访): every visit is first kept on this device (localStorage), then sent;
// what could not be sent (no connection, or signed out) is sent again when the connection is
// back. The server takes each visit once by its id, so sending one twice is harmless.
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  if (!form || !window.localStorage || !window.fetch) return;
  var storeKey = 'tuopin.visits.' + form.dataset.campaign;
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
  function save(queue) { localStorage.setItem(storeKey, JSON.stringify(queue)); }

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
    var queue = load().filter(function (v) { return !v.refused; });
    var step = function (i) {
      if (i >= queue.length) return Promise.resolve('done');
      var v = queue[i];
      var body = new FormData();
      body.append('id', v.id);
      v.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
      if (v.photo) body.append('photo', blob(v.photo), 'photo');
      return fetch(form.action, {
        method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
        headers: { 'X-CSRF-Token': form.elements._csrf.value, 'Accept': 'application/json' }
      }).then(function (response) {
        if (response.ok) {
          save(load().filter(function (x) { return x.id !== v.id; }));
          markVisited(v.household);
          sent++;
          return step(i + 1);
        }
        if (response.status === 403 || response.type === 'opaqueredirect' || response.status === 0) return 'signIn';
        if (response.status >= 500) return 'offline';
        return response.json().then(function (answer) {
          var kept = load();
          kept.forEach(function (x) { if (x.id === v.id) x.refused = answer.error || String(response.status); });
          save(kept);
          return step(i + 1);
        }, function () { return 'offline'; });
      }, function () { return 'offline'; });
    };
    return step(0).then(function (outcome) {
      sending = false;
      render();
      var left = load().filter(function (v) { return !v.refused; }).length;
      if (outcome === 'signIn') say(form.dataset.msgSignIn);
      else if (left > 0) say(form.dataset.msgOffline.replace('{count}', String(left)));
      else if (sent > 0) say(form.dataset.msgSent.replace('{count}', String(sent)));
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
      ready = readPhoto(file).then(function (url) { visit.photo = url; });
    }
    ready.then(function () {
      var queue = load();
      queue.push(visit);
      save(queue);
      say(form.dataset.msgQueued);
      form.elements.note.value = '';
      form.elements.photo.value = '';
      render();
      return send();
    });
  });

  window.addEventListener('online', send);
  setInterval(function () { if (navigator.onLine !== false) send(); }, 5000);
  render();
  send();
})();
