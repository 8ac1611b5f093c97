/* Worksheets you fill in on the page, keep and hand in (issue #14): the page's side.
 *
 * On a worksheet page this keeps what the reader types in the on-screen form in this browser
 * (localStorage), per sheet and per named copy, shared by both languages (field ids are the same);
 * puts it back after a reload or a language switch; exports and imports it as a small JSON file;
 * clears one copy or everything after asking; prints the filled sheet; and hands the answers to
 * fill.js (imported on first use) for a filled-in PDF or DOCX. Nothing is sent anywhere.
 *
 * The sheet's fields and the interface texts come from the build (hooks/worksheets/fields.py) in
 * the `data-ws` attribute of .ws-tools. What is stored and how it is read: store.js; the answers
 * against the sheet's fields: values.js; the form: form.js; names of copies and files: names.js.
 *
 * An ES module evaluates once per document, while Material's instant navigation puts this script
 * in again on every worksheet page it swaps in: the module sets itself up once (the listeners on
 * the window and document) and prepares each worksheet page through document$, also when the first
 * page opened was not a worksheet.
 */

import { save as saveBlob } from "../site/save.js";
import { apply, collect, fitTextareas, growTextareas } from "./form.js";
import { baseName, copyName, fileBase, format, importName } from "./names.js";
import {
  PREFIX,
  clearAll,
  currentCopy,
  emptyCopy,
  exportBody,
  merge,
  openStorage,
  readEntry,
  readImport,
  uniqueName,
  writeEntry,
} from "./store.js";
import { changedFields, fieldOf, normalise } from "./values.js";

const FILL = new URL("fill.js", import.meta.url).href;

class Sheet {
  constructor(tools, form) {
    this.tools = tools;
    this.form = form;
    this.data = JSON.parse(tools.getAttribute("data-ws"));
    this.m = this.data.messages;
    this.store = openStorage(() => window.localStorage);
    this.status = tools.querySelector(".ws-status");
    this.select = tools.querySelector("#wst-copy");
    this.nameInput = tools.querySelector("#wst-copy-name");
    this.fileInput = tools.querySelector("#wst-import");
    this.orphans = document.querySelector(".ws-orphans");
    this.printCopy = document.querySelector(".ws-print-copy");
    this.lastSaid = 0;
    this.entry = this.read();
    this.base = {}; // the answers this tab last showed or saved: a save writes only what differs
    // A save that failed is said next to the field being typed in, and stays said until a save
    // works again, with the way out: download the answers.
    this.unsavedBox = document.createElement("div");
    this.unsavedBox.className = "ws-unsaved";
    this.unsavedBox.setAttribute("role", "alert");
    this.unsavedBox.hidden = true;
  }

  read() {
    return readEntry(this.store, this.data.sheet);
  }

  unsaved(on) {
    const box = this.unsavedBox;
    if (!on) {
      box.hidden = true;
      box.textContent = "";
      return;
    }
    const active = document.activeElement;
    const near = active && this.form.contains(active) ? active.closest(".ws-field") : null;
    if (near && box.previousElementSibling !== near) near.after(box);
    else if (!box.parentNode) this.form.before(box);
    if (!box.hidden) return;
    const text = document.createElement("p");
    text.textContent = this.m.save_failed;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = this.m.download_answers;
    button.addEventListener("click", () => this.exportAnswers());
    box.append(text, button);
    box.hidden = false;
  }

  copy() {
    return currentCopy(this.entry);
  }

  copyName(copy) {
    return (copy || this.copy()).name || this.m.untitled;
  }

  say(text) {
    this.status.textContent = text;
    this.lastSaid = Date.now();
  }

  /* The entry into storage; false (and said, where the reader works) when the browser refused it. */
  write() {
    if (!this.store) return false;
    if (writeEntry(this.store, this.entry)) {
      this.unsaved(false);
      return true;
    }
    this.unsaved(true);
    if (this.status.textContent !== this.m.save_failed) this.say(this.m.save_failed); // once, not per key
    return false;
  }

  /* Show the current copy: its answers in the form (all but the field `except`, being typed in),
   * what it keeps in 'No longer on this sheet'. */
  show(except) {
    const copy = this.copy();
    const split = normalise(copy.answers, this.data);
    copy.answers = split.answers;
    copy.kept = copy.kept.concat(split.kept);
    apply(this.form, this.data, copy.answers, except);
    const now = collect(this.form, this.data);
    const base = this.base;
    this.base = {};
    for (const field of this.data.fields) {
      const value = field.id === except ? base[field.id] : now[field.id];
      if (value !== undefined) this.base[field.id] = value;
    }
    this.renderCopies();
    this.renderKept();
    this.printCopy.textContent = copy.name ? this.m.print_copy + ": " + copy.name : "";
    if (split.kept.length) this.write();
  }

  renderCopies() {
    this.select.replaceChildren();
    for (const copy of this.entry.copies) {
      const option = document.createElement("option");
      option.value = copy.name;
      option.textContent = this.copyName(copy);
      option.selected = copy.name === this.entry.current;
      this.select.appendChild(option);
    }
  }

  renderKept() {
    const kept = this.copy().kept;
    const list = this.orphans.querySelector(".ws-orphan-list");
    list.replaceChildren();
    for (const item of kept) {
      const term = document.createElement("dt");
      term.textContent = item.where;
      const text = document.createElement("dd");
      text.textContent = item.text;
      list.append(term, text);
    }
    this.orphans.hidden = kept.length === 0;
  }

  /* Save what the form holds now: on every change, so a reload or a closed tab loses nothing.
   * It is announced once a second after typing stops, and not again within half a minute.
   * Only the fields changed in this tab are written, into the entry as it is in storage now:
   * another tab (the other language) may have saved other fields since. */
  save() {
    const answers = collect(this.form, this.data);
    const base = this.base;
    const changed = changedFields(this.data, answers, base);
    if (!changed.length) return; // 'change' after 'input'
    const mine = this.copy(); // (and its name current)
    const stored = this.store ? this.read() : this.entry;
    this.entry = merge(stored, mine.name, mine, answers, changed, new Date().toISOString());
    if (!this.write()) return; // not kept: the next save writes these fields again
    for (const id of changed) {
      if (answers[id] === undefined) delete base[id];
      else base[id] = answers[id];
    }
    const at = Date.now();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      if (this.lastSaid > at) return; // something else was said since (a download, a copy): keep it
      if (this.status.textContent === this.m.saved && Date.now() - this.lastSaid < 30000) return;
      this.say(this.m.saved);
    }, 1000);
  }

  names() {
    return this.entry.copies.map((copy) => copy.name);
  }

  typedName() {
    const name = copyName(this.nameInput.value);
    if (!name || this.names().includes(name)) {
      this.say(name ? format(this.m.copy_exists, { name }) : this.m.copy_needs_name);
      this.nameInput.focus();
      return null;
    }
    return name;
  }

  newCopy() {
    const name = this.typedName();
    if (name === null) return;
    this.entry.copies.push(emptyCopy(name));
    this.entry.current = name;
    const kept = this.write();
    this.show();
    this.nameInput.value = "";
    if (kept) this.say(format(this.m.copy_created, { name }));
  }

  rename() {
    const name = this.typedName();
    if (name === null) return;
    this.copy().name = name;
    this.entry.current = name;
    const kept = this.write();
    this.show();
    this.nameInput.value = "";
    if (kept) this.say(format(this.m.copy_renamed, { name }));
  }

  pick(name) {
    this.entry.current = name;
    const kept = this.write();
    this.show();
    if (kept) this.say(format(this.m.copy_shown, { name: this.copyName() }));
  }

  clear() {
    const name = this.copyName();
    if (!window.confirm(format(this.m.confirm_clear, { name }))) return;
    const current = this.copy();
    this.entry.copies = this.entry.copies.filter((copy) => copy !== current);
    if (!this.entry.copies.length) this.entry.copies.push(emptyCopy(""));
    this.entry.current = this.entry.copies[0].name;
    if (!this.write() && this.store) {
      this.entry = this.read(); // not cleared: what is saved stays shown
      this.show();
      return;
    }
    this.show();
    this.say(format(this.m.cleared, { name }));
  }

  clearAll() {
    if (!window.confirm(this.m.confirm_clear_all)) return;
    clearAll(this.store);
    this.entry = this.read();
    this.show();
    this.say(this.m.cleared_all);
  }

  fileBase(suffix) {
    return fileBase(this.data.files.pdf, suffix, this.copy().name);
  }

  exportAnswers() {
    const body = exportBody(this.data.sheet, this.data.version, this.copy(), collect(this.form, this.data), new Date().toISOString());
    const name = this.fileBase(this.m.answers) + ".json";
    saveBlob(new Blob([JSON.stringify(body, null, 1) + "\n"], { type: "application/json" }), name);
    this.say(format(this.m.exported, { file: name }));
  }

  /* Read an exported file into a new copy; anything wrong leaves every copy as it was. */
  importFile(file) {
    file.text().then(
      (text) => {
        const read = readImport(text, this.data.sheet);
        if (read.problem === "broken") return this.say(this.m.import_broken);
        if (read.problem === "newer") return this.say(this.m.import_newer);
        if (read.problem === "other") return this.say(format(this.m.import_other, { sheet: read.sheet }));
        const plain = baseName(this.data.files.pdf) + "-" + this.m.answers;
        const base = read.name || importName(file.name, plain, this.m.imported_from, read.exported, file.lastModified);
        const copy = emptyCopy(uniqueName(this.names(), base));
        copy.answers = read.answers;
        copy.kept = read.kept;
        this.entry.copies.push(copy);
        this.entry.current = copy.name;
        this.show();
        if (this.write()) this.say(format(this.m.imported, { name: copy.name }));
      },
      () => this.say(this.m.import_broken),
    );
  }

  /* A filled-in PDF or DOCX, made by fill.js (and its libraries) on first use. */
  download(kind, button) {
    const answers = collect(this.form, this.data);
    const name = this.fileBase(this.m.filled);
    button.disabled = true;
    this.say(kind === "pdf" ? this.m.making_pdf : this.m.making_docx);
    import(FILL)
      .then((fill) => (kind === "pdf" ? fill.fillPdf : fill.fillDocx)(this.data.sheet, this.data.lang, answers, { data: this.data, name }))
      .then(
        (made) => {
          saveBlob(made.blob, made.name);
          this.say(format(this.m.made, { file: made.name }));
        },
        (error) => this.say(format(this.m.make_failed, { reason: (error && error.message) || String(error) })),
      )
      .then(() => {
        button.disabled = false;
      });
  }

  wire() {
    this.form.addEventListener("input", () => this.save());
    this.form.addEventListener("change", () => this.save());
    this.form.addEventListener("submit", (event) => event.preventDefault()); // Enter: nothing to send
    this.select.addEventListener("change", () => this.pick(this.select.value));
    this.fileInput.addEventListener("change", () => {
      const file = this.fileInput.files && this.fileInput.files[0];
      this.fileInput.value = "";
      if (file) this.importFile(file);
    });
    this.nameInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.newCopy();
      }
    });
    this.tools.addEventListener("click", (event) => {
      const button = event.target instanceof Element && event.target.closest("[data-ws-action]");
      if (!button) return;
      const action = button.getAttribute("data-ws-action");
      if (action === "copy-new") this.newCopy();
      else if (action === "copy-rename") this.rename();
      else if (action === "pdf" || action === "docx") this.download(action, button);
      else if (action === "print") window.print();
      else if (action === "export") this.exportAnswers();
      else if (action === "import") this.fileInput.click();
      else if (action === "clear") this.clear();
      else if (action === "clear-all") this.clearAll();
    });
  }
}

let current = null; // the worksheet page shown now (null until one is)

/* Prepare the page shown now when it is a worksheet not prepared yet. */
function setup() {
  const tools = document.querySelector(".ws-tools[data-ws]");
  const form = document.querySelector("form.ws-form");
  if (!tools || !form || tools.hasAttribute("data-ws-ready")) return;
  tools.setAttribute("data-ws-ready", "");
  current = new Sheet(tools, form);
  current.wire();
  current.show();
  for (const hint of document.querySelectorAll(".ws-nojs")) hint.hidden = true;
  tools.hidden = false;
  if (!current.store) current.say(current.m.no_storage);
}

window.addEventListener("beforeprint", () => {
  if (current && document.body.contains(current.form)) fitTextareas(current.form);
});
growTextareas();
// Another tab changed this sheet: show it here too, all but the field the reader is typing in.
window.addEventListener("storage", (event) => {
  if (!current || event.key !== PREFIX + current.data.sheet || !document.body.contains(current.form)) return;
  const active = document.activeElement;
  const typing = active && current.form.contains(active) ? fieldOf(current.data, active.name) : "";
  current.entry = current.read();
  current.show(typing);
});

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
setup();
