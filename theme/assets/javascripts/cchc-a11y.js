// Tables wider than a phone scroll sideways inside Material's .md-typeset__scrollwrap.
// A keyboard user can scroll such a region only if it can take the focus, and a screen
// reader should announce it: give each one tabindex, a role and a name (axe-core's
// "scrollable-region-focusable"). Material builds the wrappers with its own script, so
// this runs on Material's document$ (every page view), or once the page has loaded.
(function () {
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (region) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", "Bảng (vuốt hoặc dùng phím mũi tên để xem hết)");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(label);
  } else {
    window.addEventListener("load", label);
  }
})();
