// On the sign-in page (also where signing out ends) the field form's kept pages are dropped, so
// that the next person on this device cannot open the last one's households offline. Visits
// not yet sent stay: they are kept per user and sent when that user signs in again.
(function () {
  'use strict';
  if (!window.caches) return;
  caches.keys().then(function (keys) {
    keys.filter(function (k) { return k.indexOf('tuopin-field-') === 0; }).forEach(function (k) { caches.delete(k); });
  });
})();
