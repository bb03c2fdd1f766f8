/*
 * Plain-language score in the page editor's checks panel, refreshed while the editor writes.
 *
 * Collects the paragraphs of the form's rich text editors (Draftail) and multi-line text
 * fields, posts them to the admin's readability endpoint (base/views.py) a moment after the
 * last change, and shows the score, its band and, below "normal", the hint. The server does
 * the counting (textstat), so the panel shows the same number the tests check.
 */
(function () {
    "use strict";

    var WAIT_MS = 1200;
    var SKIPPED_TEXTAREAS = ["search_description"];

    function paragraphsOf(form) {
        var paragraphs = [];
        form.querySelectorAll(".public-DraftEditor-content [data-block='true']").forEach(function (block) {
            paragraphs.push(block.textContent);
        });
        form.querySelectorAll("textarea").forEach(function (area) {
            if (SKIPPED_TEXTAREAS.indexOf(area.name) !== -1 || area.closest("[data-comments]")) {
                return;
            }
            area.value.split(/\n\s*\n/).forEach(function (part) {
                paragraphs.push(part);
            });
        });
        return paragraphs.filter(function (text) {
            return text.trim() !== "";
        });
    }

    function show(panel, result) {
        var score = panel.querySelector("[data-readability-score]");
        var band = panel.querySelector("[data-readability-band]");
        var scale = panel.querySelector("[data-readability-scale]");
        var counts = panel.querySelector("[data-readability-counts]");
        var hint = panel.querySelector("[data-readability-hint]");
        if (result.score === null || result.score === undefined) {
            score.textContent = "-";
            band.textContent = "";
            scale.textContent = result.summary || "";
            counts.textContent = "";
        } else {
            score.textContent = Number(result.score).toLocaleString(document.documentElement.lang || "es", {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
            });
            band.textContent = result.band;
            scale.textContent = result.scale;
            counts.textContent = result.summary;
        }
        hint.textContent = result.hint || "";
        hint.hidden = !result.hint;
    }

    function start(panel) {
        var form = document.querySelector("form[data-edit-form]");
        if (!form) {
            return;
        }
        var token = form.querySelector("input[name='csrfmiddlewaretoken']");
        var timer = null;
        var lastSent = null;

        function refresh() {
            var paragraphs = paragraphsOf(form);
            var key = JSON.stringify(paragraphs);
            if (key === lastSent) {
                return;
            }
            lastSent = key;
            var body = new URLSearchParams();
            paragraphs.forEach(function (text) {
                body.append("paragraph", text);
            });
            body.append("language", panel.dataset.readabilityLanguage || "es");
            fetch(panel.dataset.readabilityUrl, {
                method: "POST",
                credentials: "same-origin",
                headers: { "X-CSRFToken": token ? token.value : "" },
                body: body,
            })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (result) {
                    if (result) {
                        show(panel, result);
                    }
                })
                .catch(function () {
                    lastSent = null; // try again on the next change
                });
        }

        function later() {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, WAIT_MS);
        }

        // Draftail re-renders its blocks itself (no "input" event for every key), so watch the DOM too.
        form.addEventListener("input", later);
        new MutationObserver(later).observe(form, { childList: true, characterData: true, subtree: true });
        lastSent = JSON.stringify(paragraphsOf(form)); // the server already scored the saved text
    }

    function init() {
        document.querySelectorAll("[data-readability]").forEach(start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
