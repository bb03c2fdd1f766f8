/* Progressive enhancement for the contact forms: the pages work without it.
   Moves focus to the error summary after a failed submission, and makes each
   summary link focus its field (the first radio button of a group). */
(function () {
    "use strict";
    var summary = document.getElementById("resumen-errores");
    if (!summary) { return; }
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) { return; }
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) { return; }
        event.preventDefault();
        target.focus();
        var group = target.closest(".form-field");
        (group || target).scrollIntoView({block: "center"});
    });
})();
