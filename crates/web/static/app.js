// The one script of hoptac: a <select data-autosubmit> sends its form when it changes
// (the year and rubric pickers). Without JavaScript the form's button does the same.
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () {
    s.form.submit();
  });
});
