// Tables wider than a phone scroll sideways inside a .md-typeset__scrollwrap (the
// wrapper Material's own script made; cchc leaves that script out, so this file
// adds it: Material's CSS styles it). A keyboard user can scroll such a region only
// if it can take the focus, and a screen reader should announce it: give each one
// tabindex, a role and a name (axe-core's "scrollable-region-focusable").
(function () {
  function wrap() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      if (table.closest(".md-typeset__scrollwrap")) return;
      var outer = document.createElement("div");
      var inner = document.createElement("div");
      outer.className = "md-typeset__scrollwrap";
      inner.className = "md-typeset__table";
      table.parentNode.insertBefore(outer, table);
      outer.appendChild(inner);
      inner.appendChild(table);
    });
  }
  function label() {
    wrap();
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (region) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", "Bảng (vuốt hoặc dùng phím mũi tên để xem hết)");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
})();
