// Narrow the municipality list to the chosen prefecture. Without this script the list is
// grouped by prefecture and still works.
(function () {
  "use strict";
  document.querySelectorAll("select[data-residence-municipality]").forEach(function (select) {
    var form = select.form;
    var name = select.name.replace("residence_municipality", "residence_prefecture");
    var prefecture = form && form.elements[name];
    if (!prefecture) return;
    var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup"));
    var labels = {};
    Array.prototype.forEach.call(prefecture.options, function (option) {
      labels[option.value] = option.textContent;
    });
    var all = groups.map(function (group) { return group.cloneNode(true); });
    function update() {
      var chosen = labels[prefecture.value];
      var current = select.value;
      groups.forEach(function (group) { group.remove(); });
      groups = all
        .filter(function (group) { return group.label === chosen; })
        .map(function (group) { return group.cloneNode(true); });
      groups.forEach(function (group) { select.appendChild(group); });
      select.value = current;
      if (select.value !== current) select.value = "";
      select.disabled = groups.length === 0 && prefecture.value !== "";
    }
    prefecture.addEventListener("change", update);
    update();
  });
})();
