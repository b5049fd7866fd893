/* Rapport unique — the only script: recomputes the form's amounts while the user types (the
   server computes, this only shows), and the print button. Without it every page still works:
   amounts are computed on save, rows are added and removed by submit buttons. */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var form = document.querySelector("form[data-recompute]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var meta = document.querySelector('meta[name="csrf-token"]');
  var live = document.getElementById("live");
  var timer = null;
  var sequence = 0;

  function payload() {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrf_token" && name !== "version_number") {
        data[name] = value;
      }
    });
    return data;
  }

  function explain(name, found) {
    var box = document.getElementById("x-" + name);
    if (!box || !found) { return; }
    var total = box.querySelector('[data-x="value"]');
    if (total) { total.textContent = found.value; }
    found.operands.forEach(function (operand) {
      var cell = box.querySelector('[data-operand="' + CSS.escape(operand.name) + '"]');
      if (cell) { cell.textContent = operand.value; }
    });
  }

  function show(result) {
    Object.keys(result.values).forEach(function (key) {
      var output = document.getElementById("v-" + key);
      if (output) { output.textContent = result.values[key]; }
    });
    var hidden = new Set(result.hidden);
    form.querySelectorAll("[data-name]").forEach(function (element) {
      element.hidden = hidden.has(element.getAttribute("data-name"));
    });
    Object.keys(result.explain || {}).forEach(function (name) {
      explain(name, result.explain[name]);
    });
    if (live) {
      live.textContent = live.getAttribute("data-errors").replace("{count}", result.errors) +
        " · " + live.getAttribute("data-warnings").replace("{count}", result.warnings);
    }
  }

  function send() {
    var mine = ++sequence;
    fetch(form.getAttribute("data-recompute"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": meta ? meta.getAttribute("content") : ""
      },
      body: JSON.stringify(payload())
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      if (result && mine === sequence) { show(result); }  // an older answer never wins
    }).catch(function () { /* offline: the save still computes and checks everything */ });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, 350);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
}());
