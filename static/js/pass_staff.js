// The visitor's pass QR opens this screen as /ja/pass/staff/#code=<pass code>: the one-time
// code travels in the fragment, which browsers never send to the server, so it is in no access
// log. Put it into the code field and take it out of the address bar (and the history). A scan
// while the screen is already open changes only the fragment: hashchange covers that.
(function () {
  "use strict";
  function fillFromFragment() {
    var match = /(?:^#|&)code=([0-9A-Za-z-]{1,20})(?:&|$)/.exec(window.location.hash);
    if (!match) return;
    var field = document.getElementById("id_code");
    if (field) field.value = match[1];
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }
  fillFromFragment();
  window.addEventListener("hashchange", fillFromFragment);
})();
