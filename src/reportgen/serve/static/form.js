/* reportgen serve: rows of lists added, removed and moved; unsaved changes kept in mind. */
(function () {
  "use strict";

  function form() { return document.getElementById("report-form"); }

  function setDirty(dirty) {
    document.body.classList.toggle("dirty", dirty);
    var note = document.querySelector(".dirty-note");
    if (note) { note.hidden = !dirty; }
  }

  /* The chips under each paragraph follow its position, as the server names them. */
  function renumber(list) {
    var base = list.getAttribute("data-list") + "-chips-";
    list.querySelectorAll(":scope > .row .chips").forEach(function (chips, index) {
      chips.id = base + index;
    });
  }

  function changed(list) {
    renumber(list);
    setDirty(true);
    list.dispatchEvent(new Event("rows-changed", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) { return; }
    var list = button.closest(".rows");
    var row = button.closest(".row");
    var action = button.getAttribute("data-action");
    if (action === "add") {
      var copy = list.querySelector("template").content.firstElementChild.cloneNode(true);
      var body = list.querySelector("tbody");
      if (body) { body.appendChild(copy); } else { list.insertBefore(copy, button); }
      var input = copy.querySelector("input, textarea");
      if (input) { input.focus(); }
    } else if (action === "remove") {
      row.remove();
    } else if (action === "up" && row.previousElementSibling && row.previousElementSibling.classList.contains("row")) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
    } else if (action === "down" && row.nextElementSibling && row.nextElementSibling.classList.contains("row")) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
    } else {
      return;
    }
    changed(list);
  });

  document.addEventListener("input", function (event) {
    if (form() && form().contains(event.target)) { setDirty(true); }
  });

  /* A save the server took replaces the form: nothing is unsaved any more. */
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "report-form" && event.detail.xhr.status === 200) {
      setDirty(false);
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (document.body.classList.contains("dirty")) { event.preventDefault(); event.returnValue = ""; }
  });
})();
