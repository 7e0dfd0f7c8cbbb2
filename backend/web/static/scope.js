/* Search-as-you-type for the business scope (progressive enhancement: without JavaScript the
   Search button does the same on the server). Results arrive from /apply/scope-search as JSON
   and are added as checkboxes with textContent only, never as HTML. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-scope-field]");
  if (!input || !window.fetch) { return; }
  var field = input.getAttribute("data-scope-field");
  var service = input.getAttribute("data-service");
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var box = document.getElementById(input.id + "-live");
  var timer = null;
  var asked = 0;

  function chosen() {
    var seen = {};
    document.querySelectorAll("input[type=checkbox]").forEach(function (el) {
      if (el.name === field && el.checked) { seen[el.value] = true; }
    });
    return seen;
  }

  function show(items) {
    var keep = chosen();
    // Ticked live results stay; the rest are replaced by the new answer.
    box.querySelectorAll(".option").forEach(function (row) {
      var box_ = row.querySelector("input");
      if (!box_.checked) { row.remove(); }
    });
    items.forEach(function (item, i) {
      if (keep[item.id]) { return; }
      var row = document.createElement("div");
      row.className = "option";
      var tick = document.createElement("input");
      tick.type = "checkbox";
      tick.name = field;
      tick.value = item.id;
      tick.id = input.id + "-live-" + asked + "-" + i;
      var label = document.createElement("label");
      label.htmlFor = tick.id;
      label.textContent = item.text;
      row.appendChild(tick);
      row.appendChild(label);
      box.appendChild(row);
    });
  }

  function search() {
    var q = input.value.trim();
    asked += 1;
    if (!q) { show([]); return; }
    var url = "/apply/scope-search?service=" + encodeURIComponent(service) +
      "&lang=" + lang + "&q=" + encodeURIComponent(q);
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(show)
      .catch(function () { /* the Search button still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 250);
  });
}());
