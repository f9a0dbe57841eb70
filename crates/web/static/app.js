// An upload (multipart) carries the session's CSRF token in its address, the only place the
// server can check it before reading the file. A page answered to it (a refused sheet or
// rubric) takes the token out of the address bar, the history and bookmarks; a reload then
// asks for the page again instead of sending the file twice.
(function () {
  if (!/[?&]_csrf=/.test(location.search)) return;
  var kept = location.search.slice(1).split("&").filter(function (p) {
    return p.indexOf("_csrf=") !== 0;
  });
  history.replaceState(null, "", location.pathname + (kept.length ? "?" + kept.join("&") : "") + location.hash);
})();

// The one script of hoptac: a <select data-autosubmit> sends its form when it changes
// (the year and rubric pickers). Without JavaScript the form's button does the same.
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () {
    s.form.submit();
  });
});

// An <input data-typeahead="#list"> refreshes the list below it as the user types, from the
// same page's matches (?fragment=1); without JavaScript the search button does the same.
document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
  var target = document.querySelector(input.getAttribute("data-typeahead"));
  var timer = null;
  var asked = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var n = ++asked;
      var url = input.form.action + "?fragment=1&q=" + encodeURIComponent(input.value);
      fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html !== null && n === asked) target.innerHTML = html;
        })
        .catch(function () {});
    }, 200);
  });
});

// A link with class "print-page" prints the page (the print style sheet drops the menus,
// the filters and the pager). CSP forbids inline handlers, hence here.
document.querySelectorAll("a.print-page").forEach(function (a) {
  a.addEventListener("click", function (e) {
    e.preventDefault();
    window.print();
  });
});

// A voucher's lines (<table data-balance="#out">): the difference of debits and credits as
// they are typed, in whole đồng grouped with dots. The server checks the voucher anyway.
document.querySelectorAll("table[data-balance]").forEach(function (table) {
  var out = document.querySelector(table.getAttribute("data-balance"));
  function amount(s) {
    var t = s.replace(/[.\s\u00a0]/g, "");
    return /^\d+$/.test(t) ? parseInt(t, 10) : 0;
  }
  function show() {
    var d = 0, c = 0;
    table.querySelectorAll("input[data-side]").forEach(function (i) {
      if (i.getAttribute("data-side") === "debit") d += amount(i.value); else c += amount(i.value);
    });
    var diff = d - c;
    out.textContent = (diff < 0 ? "−" : "") + Math.abs(diff).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    out.className = diff === 0 ? "balanced" : "unbalanced";
  }
  table.addEventListener("input", show);
  show();
});
