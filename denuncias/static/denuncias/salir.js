// "Salir de esta página": leave at once and replace this page in the history,
// so the Back button does not return to the channel. Without JavaScript the
// link still leaves. The Escape key pressed twice does the same.
(function () {
  "use strict";
  var link = document.querySelector("[data-exit]");
  if (!link) { return; }
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 800) { leave(); }
    lastEscape = now;
  });
})();
