// Citation page: bring the cited paragraph into view and give it focus for keyboard and screen-reader users.
(function () {
  "use strict";
  var target = document.querySelector(".para.target");
  if (!target) return;
  target.tabIndex = -1;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
})();
