/* tipx web interview: the quick exit (button or Escape) hides the page at once, saves what is on screen, and leaves
   for a neutral page with location.replace, so the browser's Back button does not return to the interview. */
(function () {
  "use strict";

  function quickExit() {
    document.documentElement.classList.add("quick-exit-active");
    document.title = "tipx";
    var form = document.getElementById("interview-form");
    if (form && navigator.sendBeacon) {
      try {
        navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
      } catch (ignored) {
        // the last autosave already holds the answers
      }
    }
    var button = document.getElementById("quick-exit");
    window.location.replace((button && button.getAttribute("data-exit-to")) || "/");
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#quick-exit")) {
      event.preventDefault();
      quickExit();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      quickExit();
    }
  });

  // A group sent back by the server replaces the one on screen. Text typed into the focused field while the
  // request was on its way is not in that answer: keep it (it is sent with the next change, Next or Pause).
  var typing = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    typing = active && active.form && active.form.id === "interview-form"
        && (active.tagName === "TEXTAREA" || active.type === "text" || active.type === "date")
        ? { id: active.id, value: active.value } : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (typing) {
      var field = document.getElementById(typing.id);
      if (field && field.value !== typing.value) {
        field.value = typing.value;
      }
      typing = null;
    }
  });

  // After moving to another group, start at its top.
  document.addEventListener("htmx:afterSettle", function () {
    var moved = document.querySelector("#interview[data-moved]");
    if (moved) {
      window.scrollTo(0, 0);
    }
  });
}());
