// Small behaviours of every page, without inline handlers (the Content-Security-Policy allows
// scripts from our own files only).
"use strict";

document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-submit-on-change]");
  if (select) select.form.requestSubmit();
});

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
