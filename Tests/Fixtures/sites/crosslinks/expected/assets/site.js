// Press "/" anywhere (outside a text field) to jump to the search box.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var box = document.getElementById("search-q") || document.getElementById("site-search-q");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

// A page's contents ("On this page") are folded at the top on a phone, and open in the side
// column on a wide screen (the width where style.css makes that column).
(function () {
  var wide = window.matchMedia("(min-width: 64rem)");
  function place() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) { details.open = wide.matches; });
  }
  place();
  wide.addEventListener("change", place);
})();
