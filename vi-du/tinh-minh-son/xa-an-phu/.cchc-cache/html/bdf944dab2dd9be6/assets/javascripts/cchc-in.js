// Print sheets (theme/cchc-in.html): show the "In trang này" button, which
// opens the browser's print dialog. Without JavaScript, Ctrl+P does the same.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".cchc-print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
