/* tipx web interview: the quick exit (button or Escape) hides the page at once, saves what is on screen, ends the
   session (the next person must log in) and leaves for the login page with location.replace, so the browser's Back
   button does not return to the interview. */
(function () {
  "use strict";

  var leaving = false;

  function quickExit() {
    if (leaving) {
      return;
    }
    leaving = true;
    document.documentElement.classList.add("quick-exit-active");
    document.title = "tipx";
    var exit = document.getElementById("quick-exit-form");
    var target = (exit && exit.getAttribute("data-exit-to")) || "/login";
    var leave = function () { window.location.replace(target); };
    if (!exit || !window.fetch) {
      if (exit) { exit.submit(); } else { leave(); }
      return;
    }
    // What is on screen and the session's end go in one request, so the answers are saved before the session ends;
    // the page stays hidden while it is on its way, and is left after at most two seconds whatever happens.
    var body = new URLSearchParams(new FormData(exit));
    var form = document.getElementById("interview-form");
    if (form) {
      new FormData(form).forEach(function (value, name) {
        if (name !== "_csrf" && name !== "move") { body.append(name, value); }
      });
    }
    var timer = window.setTimeout(leave, 2000);
    fetch(exit.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual", keepalive: true })
      .then(function () { window.clearTimeout(timer); leave(); }, function () { window.clearTimeout(timer); leave(); });
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
