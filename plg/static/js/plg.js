// Small behaviours of every page, without inline handlers (the Content-Security-Policy allows
// scripts from our own files only).
"use strict";

document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

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
document.addEventListener("htmx:afterSettle", () => {
  const lost = !document.activeElement || document.activeElement === document.body;
  const again = focusedId && document.getElementById(focusedId);
  focusedId = null;
  if (!lost || !again) return;
  const target = again.disabled
    ? again.closest("li, tr, form")?.querySelector("button:not([disabled]), a[href]")
    : again;
  if (target) target.focus();
});
