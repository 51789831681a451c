// Entry Pass: keep the rotating pass code fresh, and run the completion screen's live clock.
// The pass asks for its code every few seconds (and when the phone shows the page again): a
// code that a counter has just accepted is replaced at once, with a notice, so the screen
// never shows a used code. Without this script the pass has a "Show a new code" button and
// the completion screen shows the time it was opened.
(function () {
  "use strict";
  var POLL_SECONDS = 5;
  var box = document.querySelector("[data-pass-code]");
  if (box && window.fetch) {
    var seconds = parseInt(box.getAttribute("data-seconds"), 10) || 60;
    var generation = parseInt(box.getAttribute("data-generation"), 10) || 0;
    var secondsEl = box.querySelector("[data-pass-code-seconds]");
    var codeEl = box.querySelector("[data-pass-code-text]");
    var notice = box.querySelector("[data-pass-code-notice]");
    var windowIndex = "";
    var waiting = false;
    var sincePoll = 0;
    var refresh = function () {
      if (waiting) return;
      waiting = true;
      sincePoll = 0;
      // The window and generation of the code on screen: unchanged, the answer is short.
      var url = box.getAttribute("data-url") + "?generation=" + generation + "&window=" + windowIndex;
      fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          waiting = false;
          if (!data) return;
          if (data.window !== undefined) windowIndex = String(data.window);
          if (!data.unchanged && data.code !== codeEl.textContent) {
            codeEl.textContent = data.code;
            box.querySelector(".pass-qr").innerHTML = data.svg;
          }
          if (data.generation > generation && notice) {
            notice.textContent = notice.getAttribute("data-text");
          }
          generation = data.generation;
          seconds = data.seconds;
          if (secondsEl) secondsEl.textContent = String(seconds);
        }, function () { waiting = false; });
    };
    setInterval(function () {
      if (document.visibilityState === "hidden") return;
      seconds -= 1;
      sincePoll += 1;
      if (seconds <= 0 || sincePoll >= POLL_SECONDS) {
        if (seconds <= 0) seconds = 60;
        refresh();
      }
      if (secondsEl) secondsEl.textContent = String(Math.max(seconds, 0));
    }, 1000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") refresh();
    });
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
