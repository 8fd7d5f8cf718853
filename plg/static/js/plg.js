// Small behaviours of every page, without inline handlers (the Content-Security-Policy allows
// scripts from our own files only).
"use strict";

// Confirming what cannot be undone (`data-confirm` on a form or a button): a modal dialog that a
// keyboard and a screen reader use. Focus moves into it, Escape cancels, focus returns.
function confirmThen(question, proceed, opener) {
  const dialog = document.getElementById("bevestigen");
  if (!dialog) {
    if (window.confirm(question)) proceed();
    return;
  }
  dialog.querySelector("[data-confirm-question]").textContent = question;
  dialog.returnValue = "";
  dialog.addEventListener(
    "close",
    () => {
      if (opener && opener.isConnected) opener.focus();
      if (dialog.returnValue === "ja") proceed();
    },
    { once: true },
  );
  dialog.showModal();
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (!question || form.dataset.confirmed || event.defaultPrevented) return;
  event.preventDefault();
  const submitter = event.submitter;
  confirmThen(
    question,
    () => {
      form.dataset.confirmed = "ja";
      form.requestSubmit(submitter);
      delete form.dataset.confirmed;
    },
    submitter || form.querySelector("button"),
  );
});

// A form that htmx sends asks the same question before htmx sends it.
document.addEventListener("htmx:confirm", (event) => {
  const form = event.detail.elt;
  if (!form.matches("form[data-confirm]")) return;
  event.preventDefault();
  const opener = document.activeElement;
  confirmThen(form.dataset.confirm, () => event.detail.issueRequest(true), opener);
});

// A button (htmx or a script of the page) asks before anything listening to it hears the click.
document.addEventListener(
  "click",
  (event) => {
    const button = event.target.closest("button[data-confirm], a[data-confirm]");
    if (!button || button.dataset.confirmed) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    confirmThen(
      button.dataset.confirm,
      () => {
        button.dataset.confirmed = "ja";
        button.click();
        delete button.dataset.confirmed;
      },
      button,
    );
  },
  true,
);

document.addEventListener("click", (event) => {
  const field = event.target.closest("[data-select-on-click]");
  if (field) field.select();
  if (event.target.closest("[data-print]")) window.print();
});

// On a phone a wide table scrolls on its own (plg.css); a keyboard reaches it to scroll it.
function markScrollingTables(root) {
  for (const table of root.querySelectorAll("table.table")) {
    const scrolls = table.scrollWidth > table.clientWidth + 1;
    if (scrolls && !table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
    if (!scrolls && table.getAttribute("tabindex") === "0") table.removeAttribute("tabindex");
  }
}
document.addEventListener("DOMContentLoaded", () => markScrollingTables(document));
document.addEventListener("htmx:afterSettle", (event) => markScrollingTables(event.target));
window.addEventListener("resize", () => markScrollingTables(document));

// The menu on a phone: folded away until asked for.
document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  const toggle = event.target.closest("[data-menu-toggle]");
  if (!toggle) return;
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  menu.classList.toggle("open", open);
});

// After htmx replaces part of the page, focus returns to the control that was used (found again
// by its id in the new part), or to the first usable button of its row, never to <body>.
let focusedId = null;
document.addEventListener("htmx:beforeRequest", () => {
  focusedId = document.activeElement ? document.activeElement.id : null;
});
document.addEventListener("htmx:afterSettle", (event) => {
  const sent = event.detail.requestConfig && event.detail.requestConfig.verb !== "get";
  if (sent && focusErrorSummary(event.target)) return;
  const lost = !document.activeElement || document.activeElement === document.body;
  const again = focusedId && document.getElementById(focusedId);
  focusedId = null;
  if (!lost || !again) return;
  const target = again.disabled
    ? again.closest("li, tr, form")?.querySelector("button:not([disabled]), a[href]")
    : again;
  if (target) target.focus();
});

// A form with problems opens at its summary, which links to each field in question.
function focusErrorSummary(root) {
  const summary = root.querySelector(".error-summary");
  if (!summary) return false;
  summary.setAttribute("tabindex", "-1");
  summary.focus();
  return true;
}
document.addEventListener("DOMContentLoaded", () => focusErrorSummary(document));
document.addEventListener("click", (event) => {
  const link = event.target.closest(".error-summary a[href^='#']");
  const field = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
  (field.closest(".field, fieldset") || field).scrollIntoView({ block: "start" });
});
