/* Progressive enhancement only: the site works without this file.
   Collapses the main menu behind a button on small screens; Escape closes it. The "js" class
   is already set by the inline script in <head> (before the first paint, so nothing shifts);
   the CSS shows the button only then. */
(function () {
    "use strict";
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("main-menu-list");
    if (!toggle || !menu) { return; }
    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
    }
    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
})();
