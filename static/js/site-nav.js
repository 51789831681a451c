// The header's menu and language buttons open popovers (templates/includes/header.html): the
// browser does that without this script. The script only
// - keeps aria-expanded on each button in step with its popover, for screen readers that do
//   not read the popover state yet;
// - closes the phone menu when the window becomes wide enough to show the menu in the header;
// - in browsers without popovers, marks the page so that the CSS shows the menu and the
//   languages as plain lists (the buttons would do nothing).
(function () {
  "use strict";
  if (!Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) {
    document.documentElement.classList.add("no-popover");
    return;
  }
  var buttons = document.querySelectorAll(".site-header [popovertarget]");
  Array.prototype.forEach.call(buttons, function (button) {
    var target = document.getElementById(button.getAttribute("popovertarget"));
    if (!target) return;
    button.setAttribute("aria-expanded", target.matches(":popover-open") ? "true" : "false");
    target.addEventListener("toggle", function (event) {
      button.setAttribute("aria-expanded", event.newState === "open" ? "true" : "false");
    });
  });
  var menu = document.getElementById("site-menu");
  var wide = window.matchMedia("(min-width: 72rem)");
  if (menu && wide.addEventListener) {
    wide.addEventListener("change", function (event) {
      if (event.matches && menu.matches(":popover-open")) menu.hidePopover();
    });
  }
})();
