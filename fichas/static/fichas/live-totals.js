/*
 * Live totals of a citizen budget sheet while an editor types amounts in the admin.
 *
 * Reads the budget table's amount inputs (lines, components, official totals), applies the
 * rules of fichas/budget.py (a line with components takes their sums; execution truncated to
 * two decimals; amounts whole, "8.713.930" or "8713930") and writes the sums, the differences
 * from the official totals and the over-executions into the "Verificación de totales" panel,
 * in the same words as fichas/notices.py (sent by the server in #fichas-live-totals-text).
 * Plain script, no framework; without JavaScript the panel still shows the saved check.
 */
(function () {
    "use strict";

    var AMOUNT = /^(?:\d+|\d{1,3}(?:[. \u00a0]\d{3})+)$/;
    var LINE = /^(body-\d+)-value-lines-(\d+)-value-(approved|executed)$/;
    var COMPONENT = /^(body-\d+)-value-lines-(\d+)-value-components-(\d+)-value-(approved|executed)$/;
    var OFFICIAL = /^(body-\d+)-value-official_(approved|executed)$/;

    function texts() {
        var node = document.getElementById("fichas-live-totals-text");
        return node ? JSON.parse(node.textContent) : null;
    }

    /* "8.713.930" -> 8713930n; "" -> null; anything else -> NaN (reported as not readable). */
    function parseAmount(text) {
        var value = (text || "").trim().replace(/^M\$\s*/, "");
        if (!value) return null;
        if (!AMOUNT.test(value)) return NaN;
        return BigInt(value.replace(/\D/g, ""));
    }

    function isDeleted(form, prefix) {
        var field = form.elements[prefix + "-deleted"];
        return Boolean(field && field.value);
    }

    function format(value, lang) {
        return "M$\u00a0" + new Intl.NumberFormat(lang).format(value);
    }

    function rate(executed, approved, lang) {
        if (!approved) return "—";
        var hundredths = (executed * 10000n) / approved; // BigInt division truncates, like budget.py
        var number = Number(hundredths) / 100;
        return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) + "\u00a0%";
    }

    function fill(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (_match, key) { return values[key]; });
    }

    /* The tables of the form: {"body-0": {lines: {index: {...}}, official: {...}, unreadable: n}} */
    function collect(form) {
        var tables = {};
        function table(prefix) {
            return (tables[prefix] = tables[prefix] || { lines: {}, official: {}, unreadable: 0 });
        }
        Array.prototype.forEach.call(form.querySelectorAll("input[name]"), function (input) {
            var match, amount;
            if ((match = COMPONENT.exec(input.name))) {
                var linePrefix = match[1] + "-value-lines-" + match[2];
                var componentPrefix = linePrefix + "-value-components-" + match[3];
                if (isDeleted(form, match[1]) || isDeleted(form, linePrefix) || isDeleted(form, componentPrefix)) return;
                amount = parseAmount(input.value);
                var line = (table(match[1]).lines[match[2]] = table(match[1]).lines[match[2]] || { components: {} });
                line.components[match[3]] = line.components[match[3]] || {};
                line.components[match[3]][match[4]] = amount;
                line.components[match[3]].name = (form.elements[componentPrefix + "-value-code"] || {}).value || "";
                if (Number.isNaN(amount)) table(match[1]).unreadable += 1;
            } else if ((match = LINE.exec(input.name))) {
                var prefix = match[1] + "-value-lines-" + match[2];
                if (isDeleted(form, match[1]) || isDeleted(form, prefix)) return;
                amount = parseAmount(input.value);
                var entry = (table(match[1]).lines[match[2]] = table(match[1]).lines[match[2]] || { components: {} });
                entry[match[3]] = amount;
                entry.label = [
                    (form.elements[prefix + "-value-code"] || {}).value || "",
                    (form.elements[prefix + "-value-name"] || {}).value || "",
                ].join(" ").trim();
                if (Number.isNaN(amount)) table(match[1]).unreadable += 1;
            } else if ((match = OFFICIAL.exec(input.name))) {
                if (isDeleted(form, match[1])) return;
                amount = parseAmount(input.value);
                table(match[1]).official[match[2]] = amount;
                if (Number.isNaN(amount)) table(match[1]).unreadable += 1;
            }
        });
        return tables;
    }

    function clean(value) {
        return typeof value === "bigint" ? value : 0n;
    }

    function summarise(table, words, lang) {
        var messages = { differences: [], over: [] };
        var approved = 0n, executed = 0n;
        Object.keys(table.lines).forEach(function (key) {
            var line = table.lines[key];
            var components = Object.keys(line.components).map(function (k) { return line.components[k]; });
            var lineApproved, lineExecuted;
            if (components.length) {
                lineApproved = components.reduce(function (sum, c) { return sum + clean(c.approved); }, 0n);
                lineExecuted = components.reduce(function (sum, c) { return sum + clean(c.executed); }, 0n);
                [["approved", lineApproved], ["executed", lineExecuted]].forEach(function (pair) {
                    var declared = line[pair[0]];
                    if (typeof declared === "bigint" && declared !== pair[1]) {
                        var difference = pair[1] - declared;
                        messages.differences.push(fill(words.line_difference, {
                            line: line.label, measure: words[pair[0]], computed: format(pair[1], lang),
                            declared: format(declared, lang), difference: format(difference < 0n ? -difference : difference, lang),
                            direction: difference > 0n ? words.more : words.less,
                        }));
                    }
                });
            } else {
                lineApproved = clean(line.approved);
                lineExecuted = clean(line.executed);
            }
            if (lineExecuted > lineApproved) {
                messages.over.push(fill(words.over, {
                    line: line.label, executed: format(lineExecuted, lang), approved: format(lineApproved, lang),
                    excess: format(lineExecuted - lineApproved, lang),
                }));
            }
            approved += lineApproved;
            executed += lineExecuted;
        });
        var totals = [];
        [["approved", approved], ["executed", executed]].forEach(function (pair) {
            var declared = table.official[pair[0]];
            if (typeof declared === "bigint" && declared !== pair[1]) {
                var difference = pair[1] - declared;
                totals.push(fill(words.total_difference, {
                    measure: words[pair[0]], computed: format(pair[1], lang), declared: format(declared, lang),
                    difference: format(difference < 0n ? -difference : difference, lang),
                    direction: difference > 0n ? words.more : words.less,
                }));
            }
        });
        messages.differences = totals.concat(messages.differences); // programme totals first, as on save
        messages.totals = fill(words.totals, {
            approved: format(approved, lang), executed: format(executed, lang), rate: rate(executed, approved, lang),
        });
        return messages;
    }

    function render(box, tables, words, lang) {
        var keys = Object.keys(tables);
        box.textContent = "";
        if (!keys.length) return;
        var result = summarise(tables[keys[0]], words, lang); // a sheet has one budget table
        var heading = document.createElement("p");
        heading.innerHTML = "<strong></strong> ";
        heading.firstChild.textContent = words.heading;
        heading.appendChild(document.createTextNode(result.totals));
        box.appendChild(heading);
        function list(items) {
            var ul = document.createElement("ul");
            items.forEach(function (text) {
                var li = document.createElement("li");
                li.textContent = text;
                ul.appendChild(li);
            });
            box.appendChild(ul);
        }
        if (tables[keys[0]].unreadable) {
            var warning = document.createElement("p");
            warning.textContent = words.unreadable;
            box.appendChild(warning);
        }
        if (result.differences.length) list(result.differences);
        if (result.over.length) list(result.over);
    }

    function start() {
        var box = document.querySelector("[data-fichas-live-totals]");
        var form = document.querySelector("form[data-edit-form]") || (box && box.closest("form"));
        var words = texts();
        if (!box || !form || !words) return;
        var lang = document.documentElement.lang || "es-CL";
        var pending = null;
        function update() {
            pending = null;
            render(box, collect(form), words, lang);
        }
        function schedule() {
            if (!pending) pending = window.setTimeout(update, 150);
        }
        // Until the editor changes something, the saved check above says it all.
        function changed(event) {
            if (event.target.name && /-value-(approved|executed|official_approved|official_executed)$|-deleted$/.test(event.target.name)) {
                started = true;
            }
            if (started) schedule();
        }
        var started = false;
        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        // Adding or removing a line changes the inputs without an input event.
        new MutationObserver(function (mutations) {
            if (started && mutations.some(function (mutation) { return !box.contains(mutation.target); })) schedule();
        }).observe(form, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
