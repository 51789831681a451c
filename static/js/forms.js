// After a failed submission, move focus to the error summary so that screen readers read
// it and keyboard users start from the list of links to the fields.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
