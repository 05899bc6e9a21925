// DagMaster admin pages: confirmations for every action form, and "select all" in the job list.
// Loaded from /ui/static (no inline script: the pages' CSP forbids it).
(function () {
    "use strict";

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var message = form && form.getAttribute && form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);

    document.addEventListener("change", function (event) {
        var box = event.target;
        var name = box && box.getAttribute && box.getAttribute("data-select-all");
        if (!name) {
            return;
        }
        var form = box.form || document;
        form.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (each) {
            each.checked = box.checked;
        });
    });
})();
