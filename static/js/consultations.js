// The consultation form: move focus to the error summary, or to the confirmation heading,
// so that screen reader and keyboard users land where the page changed. Works without it.
(function () {
  "use strict";
  var target = document.getElementById("error-summary") ||
    document.getElementById("consultation-confirm-title");
  if (target) {
    target.focus();
  }
  // The preferred dates matter only for an online meeting: say so next to the field.
  var dates = document.getElementById("id_preferred_dates");
  var radios = document.querySelectorAll('input[name="preferred_reply"]');
  if (!dates || !radios.length) {
    return;
  }
  function update() {
    var online = document.querySelector('input[name="preferred_reply"]:checked');
    dates.required = Boolean(online && online.value === "online");
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
