/* Progressive enhancement: fills the search field's <datalist> with page titles as the
   visitor types (from the JSON endpoint in data-suggestions-url). Without JavaScript
   the form works as a plain GET form. */
(function () {
    "use strict";
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-suggestions");
    if (!input || !list || !input.dataset.suggestionsUrl || !window.fetch) { return; }
    var timer = null;
    var lastQuery = "";
    function fill(titles) {
        list.textContent = "";
        titles.forEach(function (title) {
            var option = document.createElement("option");
            option.value = title;
            list.appendChild(option);
        });
    }
    function load() {
        var query = input.value.trim();
        if (query === lastQuery) { return; }
        lastQuery = query;
        if (query.length < 2) { fill([]); return; }
        var url = input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(query);
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) {
                if (input.value.trim() !== query) { return; }
                fill(data.results.map(function (result) { return result.title; }));
            })
            .catch(function () { fill([]); });
    }
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, 200);
    });
})();
