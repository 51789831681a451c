// Report versions (admin): follow the generation of a report until it is done or failed,
// then reload to show the downloads. A static file rather than an inline script, so it runs
// under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-report-status]");
  if (!boxes.length) return;
  function poll() {
    var pending = 0;
    boxes.forEach(function (box) {
      pending += 1;
      fetch(box.dataset.reportStatus, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          box.querySelector("progress").value = data.progress;
          box.querySelector("[role=status]").textContent =
            data.label + ": " + data.step + " (" + data.progress + "%)";
          if (data.status === "done" || data.status === "failed") window.location.reload();
        });
    });
    if (pending) window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 2000);
})();
