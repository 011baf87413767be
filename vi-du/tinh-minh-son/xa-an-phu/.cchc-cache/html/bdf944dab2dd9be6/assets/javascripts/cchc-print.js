// Procedure pages: when printed, repeat the page's permanent address and its
// update date at the foot of every sheet (CSS page margin boxes), read from the
// page's .cchc-print-footer paragraph. The rule is added to our own stylesheet through
// the CSSOM because its text differs per page (no inline styles: strict CSP). Without
// JavaScript, the paragraph itself prints once, at the end of the document.
(function () {
  function cssString(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ") + '"';
  }
  function ownSheet() {
    for (var i = 0; i < document.styleSheets.length; i++) {
      var href = document.styleSheets[i].href || "";
      if (/cchc-print\.css$/.test(href)) {
        return document.styleSheets[i];
      }
    }
    return null;
  }
  function addPageFooter() {
    var footer = document.querySelector(".cchc-print-footer");
    var sheet = ownSheet();
    if (!footer || !sheet) {
      return;
    }
    try {
      sheet.insertRule("@page { @bottom-left { content: " +
        cssString(footer.textContent.trim()) + "; } }", sheet.cssRules.length);
      document.documentElement.classList.add("cchc-page-footer");
    } catch (error) {
      // A browser without page margin boxes prints the paragraph at the end instead.
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addPageFooter);
  } else {
    addPageFooter();
  }
})();
