/* Templates page (sjablonen/): 'Copy the text' puts one template on the clipboard as plain text,
 * the subject line and the body with its [placeholders], exactly as the build wrote it into the
 * button's data-copy attribute (hooks/message_templates.py). The result is announced in the
 * template's role=status element. Where the clipboard is refused, the text is selected instead, so
 * the reader can copy it by hand.
 *
 * Without JavaScript the copy buttons stay hidden: the text is selectable and the mailto: link
 * works. The page loads this ES module from its content (hooks/templates_hook.py); it runs once per
 * document: the click handler is installed once, and the buttons are shown on every visit to the
 * page that instant navigation swaps in (`document$`).
 */
import { own } from "../site/dict.js";

var messages = {
  nl: {
    done: "Gekopieerd: het onderwerp en de tekst staan op je klembord.",
    failed: "Kopiëren lukte niet. De tekst is nu geselecteerd: kopieer hem met Ctrl+C of Cmd+C."
  },
  en: {
    done: "Copied: the subject line and the text are on your clipboard.",
    failed: "Copying did not work. The text is now selected: copy it with Ctrl+C or Cmd+C."
  }
};

function show() {
  var buttons = document.querySelectorAll("button.tpl-copy[hidden]");
  for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
}

function say(box, message) {
  var status = box && box.querySelector(".tpl-status");
  if (!status) return;
  status.textContent = ""; // the same message again is announced again
  window.requestAnimationFrame(function () { status.textContent = message; });
}

function select(box) {
  var subject = box && box.querySelector(".tpl-subject");
  var body = box && box.querySelector(".tpl-body");
  if (!subject || !body || !window.getSelection) return;
  var range = document.createRange();
  range.setStartBefore(subject);
  range.setEndAfter(body);
  var selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

document.addEventListener("click", function (event) {
  var button = event.target instanceof Element && event.target.closest("button.tpl-copy");
  if (!button) return;
  var box = button.closest(".tpl");
  var lang = document.documentElement.lang; // read as a key of our own map only
  var text = own(messages, lang) || messages.nl;
  var failed = function () { select(box); say(box, text.failed); };
  if (!navigator.clipboard || !navigator.clipboard.writeText) { failed(); return; }
  navigator.clipboard.writeText(button.getAttribute("data-copy") || "").then(function () {
    say(box, text.done);
  }, failed);
});
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(show);
else show();
