/* Progressive enhancement only: the site works without this file.
   Collapses the main menu behind a button on small screens; Escape closes it. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("main-menu-list");
    if (!toggle || !menu) { return; }
    toggle.hidden = false;
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
