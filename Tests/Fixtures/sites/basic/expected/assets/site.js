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

// "Copy address" buttons beside a feed's or calendar's address. They are hidden in the HTML and
// shown here, so a reader without JavaScript sees the address (selectable as text) and no
// button that does nothing. The status beside each button (role="status") says "Copied" to
// screen readers too; when the browser refuses the clipboard, the address is selected instead.
Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
  var status = button.nextElementSibling;
  var address = document.getElementById(button.getAttribute("aria-describedby"));
  var timer;
  function say(text) {
    if (!status) return;
    status.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function selectAddress() {
    if (!address) return false;
    var range = document.createRange();
    range.selectNodeContents(address);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand("copy"); } catch (error) { return false; }
  }
  function fallback() {
    say(selectAddress() ? "Copied" : "Selected: press Ctrl+C (or Cmd+C) to copy");
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = button.getAttribute("data-copy");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say("Copied"); }, fallback);
    } else {
      fallback();
    }
  });
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
