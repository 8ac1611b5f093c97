/* Worksheets you fill in on the page, keep and hand in (issue #14).
 *
 * On a worksheet page this keeps what the reader types in the on-screen form in this browser
 * (localStorage), per sheet and per named copy, shared by both languages (field ids are the same);
 * puts it back after a reload or a language switch; exports and imports it as a small JSON file;
 * clears one copy or everything after asking; prints the filled sheet; and hands the answers to
 * fill.js (loaded on first use) for a filled-in PDF or DOCX. Nothing is sent anywhere.
 *
 * The sheet's fields and the interface texts come from the build (hooks/worksheets/fields.py) in
 * the `data-ws` attribute of .ws-tools. Stored, per sheet (the answers format: AUTHORING.md):
 *   localStorage["belangen-op-tafel:answers:<sheet id>"] =
 *     {format: 1, sheet, current: <copy name>, copies: [{name, updated, answers, kept}]}
 * `kept` holds answers the sheet can no longer show (a field removed or changed): they are shown
 * under 'No longer on this sheet' and stay until the copy is cleared.
 *
 * Material's instant navigation runs this file again on every worksheet page it swaps in; it sets
 * itself up once and then prepares each page (document$).
 */
(function () {
  "use strict";
  if (window.__worksheetAnswers) {
    window.__worksheetAnswers.setup();
    return;
  }
  var PREFIX = "belangen-op-tafel:answers:";
  var FORMAT = 1;
  var KIND = "belangen-op-tafel/answers";
  var SCRIPT = document.currentScript && document.currentScript.src;
  var FILL = new URL("fill.js", SCRIPT || window.location.href).href;

  // --- storage ----------------------------------------------------------------------------------

  /* This browser's storage when it can be read (a full one can: what was saved before is shown);
   * null when it is switched off: the page still fills, downloads and exports. */
  function storage() {
    try {
      window.localStorage.getItem(PREFIX + "probe");
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function emptyCopy(name) {
    return { name: name, updated: null, answers: {}, kept: [] };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* The stored entry of a sheet; a missing, unreadable or foreign one gives a fresh entry (an
   * unreadable one is first set aside under "...:unreadable:<time>", so nothing is lost). */
  function readStore(store, sheet) {
    var fresh = { format: FORMAT, sheet: sheet, current: "", copies: [emptyCopy("")] };
    if (!store) return fresh;
    var raw = store.getItem(PREFIX + sheet);
    if (raw === null) return fresh;
    var entry = null;
    try {
      entry = JSON.parse(raw);
    } catch (error) {
      entry = null;
    }
    if (!isObject(entry) || !Array.isArray(entry.copies) || entry.copies.length === 0 || entry.format > FORMAT) {
      try {
        store.setItem(PREFIX + sheet + ":unreadable:" + Date.now(), raw);
      } catch (error) {
        /* full: the raw text stays under its own key until something is saved */
        return fresh;
      }
      return fresh;
    }
    entry.copies = entry.copies.filter(isObject).map(function (copy) {
      return {
        name: typeof copy.name === "string" ? copy.name : "",
        updated: copy.updated || null,
        answers: isObject(copy.answers) ? copy.answers : {},
        kept: Array.isArray(copy.kept) ? copy.kept : [],
      };
    });
    if (!entry.copies.length) entry.copies.push(emptyCopy(""));
    entry.format = FORMAT;
    entry.sheet = sheet;
    if (typeof entry.current !== "string") entry.current = entry.copies[0].name;
    return entry;
  }

  // --- answers, fields and the form --------------------------------------------------------------

  function clean(text) {
    return String(text)
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
  }

  // Every lookup keyed by text from storage or a file is a map without a prototype: an answer
  // stored under 'constructor' or '__proto__' is then an answer to no field (kept and shown).
  function fieldsById(data) {
    var byId = Object.create(null);
    data.fields.forEach(function (field) {
      byId[field.id] = field;
    });
    return byId;
  }

  function asText(value) {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.map(asText).filter(Boolean).join("; ");
    if (isObject(value)) {
      return Object.keys(value)
        .map(function (key) {
          return key + ": " + asText(value[key]);
        })
        .join("; ");
    }
    return value === null || value === undefined ? "" : String(value);
  }

  /* Split stored answers into what the sheet as it is now can show (`answers`) and the rest
   * (`kept`: {where, text}), e.g. after a field was removed or a column renamed. */
  function normalise(stored, data) {
    var fields = fieldsById(data);
    var answers = {};
    var kept = [];
    var row = data.messages.row;
    function keep(where, value) {
      var text = asText(value);
      if (text.trim()) kept.push({ where: where, text: text });
    }
    Object.keys(stored || {}).forEach(function (id) {
      var value = stored[id];
      var field = fields[id];
      if (!field) return keep(id, value);
      if (field.type === "text" || field.type === "longtext") {
        if (typeof value === "string" || typeof value === "number") {
          if (String(value)) answers[id] = clean(value);
        } else keep(field.label, value);
      } else if (field.type === "scale") {
        var n = Number(value);
        if (Math.round(n) === n && n >= 1 && n <= field.points) answers[id] = n;
        else keep(field.label, value);
      } else if (field.type === "checklist") {
        if (!Array.isArray(value)) return keep(field.label, value);
        var known = field.items.map(function (item) {
          return item.id;
        });
        var checked = value.filter(function (item) {
          return known.indexOf(item) >= 0;
        });
        if (checked.length) answers[id] = checked;
        value.forEach(function (item) {
          if (known.indexOf(item) < 0) keep(field.label, item);
        });
      } else if (field.type === "table") {
        if (!Array.isArray(value)) return keep(field.label, value);
        var columns = field.columns.map(function (column) {
          return column.id;
        });
        var rows = [];
        value.forEach(function (cells, index) {
          var where = field.label + ", " + row + " " + (index + 1);
          if (!isObject(cells)) return keep(where, cells);
          var mine = {};
          Object.keys(cells).forEach(function (column) {
            var text = cells[column];
            if (index >= field.rows || columns.indexOf(column) < 0 || typeof text !== "string") {
              keep(where + ", " + column, text);
            } else if (text) mine[column] = clean(text);
          });
          if (index < field.rows) rows[index] = mine;
        });
        answers[id] = trimRows(rows);
        if (!answers[id].length) delete answers[id];
      }
    });
    return { answers: answers, kept: kept };
  }

  function trimRows(rows) {
    var out = [];
    for (var i = 0; i < rows.length; i++) out.push(rows[i] || {});
    while (out.length && !Object.keys(out[out.length - 1]).length) out.pop();
    return out;
  }

  /* The id of the field a control (by its name) belongs to, or "". */
  function fieldOf(data, name) {
    var found = "";
    data.fields.forEach(function (field) {
      var names = field.type === "checklist" ? field.items.map(function (item) { return item.pdf; })
        : field.type === "table" ? [].concat.apply([], field.pdf) : [field.pdf];
      if (name && names.indexOf(name) >= 0) found = field.id;
    });
    return found;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function control(form, name) {
    return form.elements.namedItem(name);
  }

  /* The answers in the form now (empty fields left out). */
  function collect(form, data) {
    var answers = {};
    data.fields.forEach(function (field) {
      if (field.type === "text" || field.type === "longtext") {
        var input = control(form, field.pdf);
        if (input && input.value) answers[field.id] = clean(input.value);
      } else if (field.type === "scale") {
        var group = control(form, field.pdf);
        if (group && group.value) answers[field.id] = Number(group.value);
      } else if (field.type === "checklist") {
        var checked = field.items
          .filter(function (item) {
            var box = control(form, item.pdf);
            return box && box.checked;
          })
          .map(function (item) {
            return item.id;
          });
        if (checked.length) answers[field.id] = checked;
      } else if (field.type === "table") {
        var rows = field.pdf.map(function (names) {
          var cells = {};
          names.forEach(function (name, c) {
            var input = control(form, name);
            if (input && input.value) cells[field.columns[c].id] = clean(input.value);
          });
          return cells;
        });
        rows = trimRows(rows);
        if (rows.length) answers[field.id] = rows;
      }
    });
    return answers;
  }

  /* Show `answers` in the form (every field: an empty answer empties the field), all but the field
   * `except` (the one the reader is typing in). */
  function apply(form, data, answers, except) {
    data.fields.forEach(function (field) {
      if (field.id === except) return;
      var value = answers[field.id];
      if (field.type === "text" || field.type === "longtext") {
        var input = control(form, field.pdf);
        if (input) input.value = typeof value === "string" ? value : "";
      } else if (field.type === "scale") {
        var group = control(form, field.pdf);
        if (!group) return;
        var radios = group.length === undefined ? [group] : Array.prototype.slice.call(group);
        radios.forEach(function (radio) {
          radio.checked = Number(radio.value) === value;
        });
      } else if (field.type === "checklist") {
        field.items.forEach(function (item) {
          var box = control(form, item.pdf);
          if (box) box.checked = Array.isArray(value) && value.indexOf(item.id) >= 0;
        });
      } else if (field.type === "table") {
        field.pdf.forEach(function (names, r) {
          var cells = (Array.isArray(value) && value[r]) || {};
          names.forEach(function (name, c) {
            var input = control(form, name);
            if (input) input.value = cells[field.columns[c].id] || "";
          });
        });
      }
    });
  }

  function slug(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  // --- one worksheet page ------------------------------------------------------------------------

  function Sheet(tools, form) {
    this.tools = tools;
    this.form = form;
    this.data = JSON.parse(tools.getAttribute("data-ws"));
    this.m = this.data.messages;
    this.store = storage();
    this.status = tools.querySelector(".ws-status");
    this.select = tools.querySelector("#wst-copy");
    this.nameInput = tools.querySelector("#wst-copy-name");
    this.fileInput = tools.querySelector("#wst-import");
    this.orphans = document.querySelector(".ws-orphans");
    this.printCopy = document.querySelector(".ws-print-copy");
    this.lastSaid = 0;
    this.entry = readStore(this.store, this.data.sheet);
    this.base = {}; // the answers this tab last showed or saved: a save writes only what differs
    // A save that failed is said next to the field being typed in, and stays said until a save
    // works again, with the way out: download the answers.
    this.unsavedBox = document.createElement("div");
    this.unsavedBox.className = "ws-unsaved";
    this.unsavedBox.setAttribute("role", "alert");
    this.unsavedBox.hidden = true;
  }

  Sheet.prototype.unsaved = function (on) {
    var box = this.unsavedBox, self = this;
    if (!on) {
      box.hidden = true;
      box.textContent = "";
      return;
    }
    var active = document.activeElement;
    var near = active && this.form.contains(active) ? active.closest(".ws-field") : null;
    if (near && box.previousElementSibling !== near) near.after(box);
    else if (!box.parentNode) this.form.before(box);
    if (!box.hidden) return;
    var text = document.createElement("p");
    text.textContent = this.m.save_failed;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = this.m.download_answers;
    button.addEventListener("click", function () {
      self.exportAnswers();
    });
    box.append(text, button);
    box.hidden = false;
  };

  Sheet.prototype.copy = function () {
    var entry = this.entry;
    var found = entry.copies.filter(function (copy) {
      return copy.name === entry.current;
    })[0];
    if (!found) {
      found = entry.copies[0];
      entry.current = found.name;
    }
    return found;
  };

  Sheet.prototype.copyName = function (copy) {
    return (copy || this.copy()).name || this.m.untitled;
  };

  Sheet.prototype.say = function (text) {
    this.status.textContent = text;
    this.lastSaid = Date.now();
  };

  /* The entry into storage; false (and said, where the reader works) when the browser refused it. */
  Sheet.prototype.write = function () {
    if (!this.store) return false;
    try {
      this.store.setItem(PREFIX + this.data.sheet, JSON.stringify(this.entry));
      this.unsaved(false);
      return true;
    } catch (error) {
      this.unsaved(true);
      if (this.status.textContent !== this.m.save_failed) this.say(this.m.save_failed); // once, not per key
      return false;
    }
  };

  /* Show the current copy: its answers in the form (all but the field `except`, being typed in),
   * what it keeps in 'No longer on this sheet'. */
  Sheet.prototype.show = function (except) {
    var copy = this.copy();
    var split = normalise(copy.answers, this.data);
    copy.answers = split.answers;
    copy.kept = copy.kept.concat(split.kept);
    apply(this.form, this.data, copy.answers, except);
    var now = collect(this.form, this.data), base = this.base;
    this.base = {};
    this.data.fields.forEach(function (field) {
      var value = field.id === except ? base[field.id] : now[field.id];
      if (value !== undefined) this.base[field.id] = value;
    }, this);
    this.renderCopies();
    this.renderKept();
    this.printCopy.textContent = copy.name ? this.m.print_copy + ": " + copy.name : "";
    if (split.kept.length) this.write();
  };

  Sheet.prototype.renderCopies = function () {
    var self = this;
    while (this.select.firstChild) this.select.removeChild(this.select.firstChild);
    this.entry.copies.forEach(function (copy) {
      var option = document.createElement("option");
      option.value = copy.name;
      option.textContent = self.copyName(copy);
      option.selected = copy.name === self.entry.current;
      self.select.appendChild(option);
    });
  };

  Sheet.prototype.renderKept = function () {
    var kept = this.copy().kept;
    var list = this.orphans.querySelector(".ws-orphan-list");
    while (list.firstChild) list.removeChild(list.firstChild);
    kept.forEach(function (item) {
      var term = document.createElement("dt");
      term.textContent = item.where;
      var text = document.createElement("dd");
      text.textContent = item.text;
      list.appendChild(term);
      list.appendChild(text);
    });
    this.orphans.hidden = kept.length === 0;
  };

  /* Save what the form holds now: on every change, so a reload or a closed tab loses nothing.
   * It is announced once a second after typing stops, and not again within half a minute. */
  /* Only the fields changed in this tab are written, into the entry as it is in storage now: another
   * tab (the other language) may have saved other fields since. */
  Sheet.prototype.save = function () {
    var answers = collect(this.form, this.data), base = this.base;
    var changed = this.data.fields
      .map(function (field) {
        return field.id;
      })
      .filter(function (id) {
        return !same(answers[id], base[id]);
      });
    if (!changed.length) return; // 'change' after 'input'
    var mine = this.copy(), name = this.entry.current;
    if (this.store) {
      var fresh = readStore(this.store, this.data.sheet);
      var found = fresh.copies.filter(function (copy) {
        return copy.name === name;
      })[0];
      if (!found) fresh.copies.push((found = mine));
      fresh.current = name;
      this.entry = fresh;
      mine = found;
    }
    changed.forEach(function (id) {
      if (answers[id] === undefined) delete mine.answers[id];
      else mine.answers[id] = answers[id];
    });
    mine.updated = new Date().toISOString();
    if (!this.write()) return; // not kept: the next save writes these fields again
    changed.forEach(function (id) {
      if (answers[id] === undefined) delete base[id];
      else base[id] = answers[id];
    });
    var self = this;
    var at = Date.now();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      if (self.lastSaid > at) return; // something else was said since (a download, a copy): keep it
      if (self.status.textContent === self.m.saved && Date.now() - self.lastSaid < 30000) return;
      self.say(self.m.saved);
    }, 1000);
  };

  Sheet.prototype.uniqueName = function (name) {
    var names = this.entry.copies.map(function (copy) {
      return copy.name;
    });
    if (names.indexOf(name) < 0) return name;
    for (var n = 2; ; n++) if (names.indexOf(name + " (" + n + ")") < 0) return name + " (" + n + ")";
  };

  Sheet.prototype.typedName = function () {
    var name = this.nameInput.value.replace(/\s+/g, " ").trim().slice(0, 80);
    if (!name) {
      this.say(this.m.copy_needs_name);
      this.nameInput.focus();
      return null;
    }
    var taken = this.entry.copies.some(function (copy) {
      return copy.name === name;
    });
    if (taken) {
      this.say(format(this.m.copy_exists, { name: name }));
      this.nameInput.focus();
      return null;
    }
    return name;
  };

  Sheet.prototype.newCopy = function () {
    var name = this.typedName();
    if (name === null) return;
    this.entry.copies.push(emptyCopy(name));
    this.entry.current = name;
    var kept = this.write();
    this.show();
    this.nameInput.value = "";
    if (kept) this.say(format(this.m.copy_created, { name: name }));
  };

  Sheet.prototype.rename = function () {
    var name = this.typedName();
    if (name === null) return;
    this.copy().name = name;
    this.entry.current = name;
    var kept = this.write();
    this.show();
    this.nameInput.value = "";
    if (kept) this.say(format(this.m.copy_renamed, { name: name }));
  };

  Sheet.prototype.pick = function (name) {
    this.entry.current = name;
    var kept = this.write();
    this.show();
    if (kept) this.say(format(this.m.copy_shown, { name: this.copyName() }));
  };

  Sheet.prototype.clear = function () {
    var name = this.copyName();
    if (!window.confirm(format(this.m.confirm_clear, { name: name }))) return;
    var current = this.copy();
    this.entry.copies = this.entry.copies.filter(function (copy) {
      return copy !== current;
    });
    if (!this.entry.copies.length) this.entry.copies.push(emptyCopy(""));
    this.entry.current = this.entry.copies[0].name;
    if (!this.write() && this.store) {
      this.entry = readStore(this.store, this.data.sheet); // not cleared: what is saved stays shown
      this.show();
      return;
    }
    this.show();
    this.say(format(this.m.cleared, { name: name }));
  };

  Sheet.prototype.clearAll = function () {
    if (!window.confirm(this.m.confirm_clear_all)) return;
    if (this.store) {
      var keys = [];
      for (var i = 0; i < this.store.length; i++) {
        var key = this.store.key(i);
        if (key && key.indexOf(PREFIX) === 0) keys.push(key);
      }
      var store = this.store;
      keys.forEach(function (key) {
        store.removeItem(key);
      });
    }
    this.entry = readStore(this.store, this.data.sheet);
    this.show();
    this.say(this.m.cleared_all);
  };

  Sheet.prototype.fileBase = function (suffix) {
    var base = this.data.files.pdf.split("/").pop().replace(/\.pdf$/, "");
    var name = slug(this.copy().name);
    return base + "-" + suffix + (name ? "-" + name : "");
  };

  Sheet.prototype.exportAnswers = function () {
    var copy = this.copy();
    var body = {
      kind: KIND,
      format: FORMAT,
      sheet: this.data.sheet,
      version: this.data.version,
      name: copy.name,
      exported: new Date().toISOString(),
      answers: collect(this.form, this.data),
      kept: copy.kept,
    };
    var name = this.fileBase(this.m.answers) + ".json";
    saveFile(new Blob([JSON.stringify(body, null, 1) + "\n"], { type: "application/json" }), name);
    this.say(format(this.m.exported, { file: name }));
  };

  /* Read an exported file into a new copy; anything wrong leaves every copy as it was. */
  Sheet.prototype.importFile = function (file) {
    var self = this;
    file.text().then(
      function (text) {
        var body = null;
        try {
          body = JSON.parse(text);
        } catch (error) {
          body = null;
        }
        if (!isObject(body) || body.kind !== KIND || !isObject(body.answers) || typeof body.sheet !== "string") {
          return self.say(self.m.import_broken);
        }
        if (typeof body.format !== "number" || body.format > FORMAT) return self.say(self.m.import_newer);
        if (body.sheet !== self.data.sheet) return self.say(format(self.m.import_other, { sheet: body.sheet }));
        var base = typeof body.name === "string" && body.name.trim() ? body.name.trim().slice(0, 80) : self.importName(file, body);
        var copy = emptyCopy(self.uniqueName(base));
        copy.answers = body.answers;
        copy.kept = (Array.isArray(body.kept) ? body.kept : [])
          .filter(function (item) {
            return isObject(item) && typeof item.text === "string";
          })
          .map(function (item) {
            return { where: typeof item.where === "string" ? item.where : "", text: item.text };
          });
        self.entry.copies.push(copy);
        self.entry.current = copy.name;
        self.show();
        if (self.write()) self.say(format(self.m.imported, { name: copy.name }));
      },
      function () {
        self.say(self.m.import_broken);
      }
    );
  };

  /* The name of an imported copy that had none: the file's name, or when that is the name an export
   * of an unnamed copy gets, the day and time of the export (or of the file). */
  Sheet.prototype.importName = function (file, body) {
    var name = String(file.name || "")
      .replace(/\.json$/i, "")
      .replace(/\s*\(\d+\)$/, "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80);
    var plain = this.data.files.pdf.split("/").pop().replace(/\.pdf$/, "") + "-" + this.m.answers;
    if (name && name !== plain) return name;
    var when = new Date(typeof body.exported === "string" ? body.exported : file.lastModified || Date.now());
    if (isNaN(when.getTime())) when = new Date();
    function two(n) {
      return (n < 10 ? "0" : "") + n;
    }
    var stamp = when.getFullYear() + "-" + two(when.getMonth() + 1) + "-" + two(when.getDate());
    return format(this.m.imported_from, { date: stamp + " " + two(when.getHours()) + ":" + two(when.getMinutes()) });
  };

  /* A filled-in PDF or DOCX, made by fill.js (and its libraries) on first use. */
  Sheet.prototype.download = function (kind, button) {
    var self = this;
    var answers = collect(this.form, this.data);
    var name = this.fileBase(this.m.filled);
    button.disabled = true;
    this.say(kind === "pdf" ? this.m.making_pdf : this.m.making_docx);
    import(FILL)
      .then(function (fill) {
        var make = kind === "pdf" ? fill.fillPdf : fill.fillDocx;
        return make(self.data.sheet, self.data.lang, answers, { data: self.data, name: name });
      })
      .then(
        function (made) {
          saveFile(made.blob, made.name);
          self.say(format(self.m.made, { file: made.name }));
        },
        function (error) {
          self.say(format(self.m.make_failed, { reason: (error && error.message) || String(error) }));
        }
      )
      .then(function () {
        button.disabled = false;
      });
  };

  /* Print: text areas as tall as their text, so the printed sheet shows every word. */
  function fitTextareas(form) {
    var areas = form.querySelectorAll("textarea");
    for (var i = 0; i < areas.length; i++) {
      var lines = areas[i].value.split("\n").length + Math.ceil(areas[i].value.length / 90);
      if (!areas[i].hasAttribute("data-rows")) areas[i].setAttribute("data-rows", areas[i].rows);
      areas[i].rows = Math.max(Number(areas[i].getAttribute("data-rows")), lines);
    }
  }

  function saveFile(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  }

  Sheet.prototype.wire = function () {
    var self = this;
    this.form.addEventListener("input", function () {
      self.save();
    });
    this.form.addEventListener("change", function () {
      self.save();
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault(); // Enter in a text field: nothing to send anywhere
    });
    this.select.addEventListener("change", function () {
      self.pick(self.select.value);
    });
    this.fileInput.addEventListener("change", function () {
      var file = self.fileInput.files && self.fileInput.files[0];
      self.fileInput.value = "";
      if (file) self.importFile(file);
    });
    this.nameInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        self.newCopy();
      }
    });
    this.tools.addEventListener("click", function (event) {
      var button = event.target instanceof Element && event.target.closest("[data-ws-action]");
      if (!button) return;
      var action = button.getAttribute("data-ws-action");
      if (action === "copy-new") self.newCopy();
      else if (action === "copy-rename") self.rename();
      else if (action === "pdf" || action === "docx") self.download(action, button);
      else if (action === "print") window.print();
      else if (action === "export") self.exportAnswers();
      else if (action === "import") self.fileInput.click();
      else if (action === "clear") self.clear();
      else if (action === "clear-all") self.clearAll();
    });
  };

  var current = null;

  function setup() {
    var tools = document.querySelector(".ws-tools[data-ws]");
    var form = document.querySelector("form.ws-form");
    if (!tools || !form || tools.hasAttribute("data-ws-ready")) return;
    tools.setAttribute("data-ws-ready", "");
    current = new Sheet(tools, form);
    current.wire();
    current.show();
    var hints = document.querySelectorAll(".ws-nojs");
    for (var i = 0; i < hints.length; i++) hints[i].hidden = true;
    tools.hidden = false;
    if (!current.store) current.say(current.m.no_storage);
  }

  window.addEventListener("beforeprint", function () {
    if (current && document.body.contains(current.form)) fitTextareas(current.form);
  });
  // Text areas grow with their text: CSS field-sizing where the browser has it (screen.css), else this.
  if (!(window.CSS && CSS.supports && CSS.supports("field-sizing", "content"))) {
    document.addEventListener("input", function (event) {
      var area = event.target;
      if (!(area instanceof HTMLTextAreaElement) || !area.closest(".ws-form")) return;
      area.style.height = "auto";
      area.style.height = area.scrollHeight + 2 + "px";
    });
  }
  // Another tab changed this sheet: show it here too, all but the field the reader is typing in.
  window.addEventListener("storage", function (event) {
    if (!current || event.key !== PREFIX + current.data.sheet || !document.body.contains(current.form)) return;
    var active = document.activeElement;
    var typing = active && current.form.contains(active) ? fieldOf(current.data, active.name) : "";
    current.entry = readStore(current.store, current.data.sheet);
    current.show(typing);
  });

  window.__worksheetAnswers = { setup: setup, normalise: normalise, FORMAT: FORMAT, KIND: KIND };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  }
  setup();
})();
