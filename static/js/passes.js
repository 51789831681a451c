// Entry Pass: refresh the rotating pass code before it expires, and run the completion
// screen's live clock. Without this script the pass has a "Show a new code" button and the
// completion screen shows the time it was opened.
(function () {
  "use strict";
  var box = document.querySelector("[data-pass-code]");
  if (box && window.fetch) {
    var seconds = parseInt(box.getAttribute("data-seconds"), 10) || 60;
    var secondsEl = box.querySelector("[data-pass-code-seconds]");
    var refresh = function () {
      fetch(box.getAttribute("data-url"), { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) return;
          box.querySelector("[data-pass-code-text]").textContent = data.code;
          box.querySelector(".pass-qr").innerHTML = data.svg;
          seconds = data.seconds;
        });
    };
    setInterval(function () {
      seconds -= 1;
      if (seconds <= 0) { seconds = 60; refresh(); }
      if (secondsEl) secondsEl.textContent = String(seconds);
    }, 1000);
  }
  var clock = document.querySelector("[data-live-clock]");
  if (clock) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var tick = function () {
      // Japan time whatever the phone's time zone: UTC+9, no daylight saving.
      var now = new Date(Date.now() + 9 * 3600 * 1000);
      clock.textContent = pad(now.getUTCHours()) + ":" + pad(now.getUTCMinutes()) + ":" + pad(now.getUTCSeconds());
    };
    tick();
    setInterval(tick, 1000);
  }
})();
