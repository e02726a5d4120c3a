/* Runs every tool page from its JSON data block (#gs-tool-data, written by tool_data.py): no
   tool is written here, only what answers are (rate, place, write) and how a result sums them up.
   Without JavaScript the page is a worksheet; here each group's sheet becomes labelled controls
   in the same place. Private by construction: nothing is sent anywhere (the page's CSP allows
   no other host either); answers are kept in localStorage only after the reader ticks "keep",
   and one button deletes them. Export is a file made in the browser; import reads one back. */
(function () {
  "use strict";
  var source = document.getElementById("gs-tool-data");
  if (!source) return;
  var data = JSON.parse(source.textContent), t = data.strings, groups = data.groups;
  var key = "guidesite-tool/" + data.tool, answers = {}, records = [], keeping = false;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] === true) node.setAttribute(name, "");
      else if (attrs[name] !== null && attrs[name] !== false && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function say(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  function today() { return new Date().toISOString().slice(0, 10); }
  function field(group, item) { return group.id + "/" + item; }
  function controlId(name) { return "gs-a-" + name.replace(/[^a-z0-9-]/gi, "-"); }

  /* --- the controls, built in place of each group's sheet ------------------------------------ */
  function rateControls(group) {
    var scale = group.scale;
    return group.items.map(function (item) {
      var name = field(group, item.id), hintId = item.hint ? controlId(name) + "-hint" : null, points = [];
      for (var point = scale.lowest; point <= scale.highest; point++) {
        var label = scale.labels[String(point)];
        points.push(el("label", { "class": "gs-point" }, [
          el("input", { type: "radio", name: name, value: String(point), "data-field": name }),
          el("span", {}, [String(point)]), label ? el("span", { "class": "gs-scale-label" }, [label]) : null]));
      }
      return el("fieldset", { "class": "gs-rate", "aria-describedby": hintId }, [
        el("legend", {}, [item.text]), hintId ? el("p", { "class": "gs-hint", id: hintId }, [item.hint]) : null,
        el("div", { "class": "gs-scale" }, points)]);
    });
  }
  function placeControls(group) {
    return group.positions.map(function (position) {
      var name = field(group, position.id);
      return el("fieldset", { "class": "gs-place" }, [el("legend", {}, [position.label])].concat(group.items.map(function (item) {
        return el("label", { "class": "gs-choice" }, [
          el("input", { type: "radio", name: name, value: item.id, "data-field": name }), " " + item.text]);
      })));
    });
  }
  function writeControls(group) {
    return group.items.map(function (item) {
      var name = field(group, item.id), id = controlId(name), hintId = item.hint ? id + "-hint" : null;
      return el("div", { "class": "gs-write-item" }, [
        el("label", { "for": id }, [item.text]), hintId ? el("p", { "class": "gs-hint", id: hintId }, [item.hint]) : null,
        el("textarea", { id: id, rows: "4", "data-field": name, "aria-describedby": hintId })]);
    });
  }
  var BUILD = { rate: rateControls, place: placeControls, write: writeControls };

  function buildGroups() {
    groups.forEach(function (group) {
      var heading = document.getElementById(group.id), guidance = document.getElementById("gs-guidance-" + group.id);
      var node = heading.nextElementSibling;
      while (node && node !== guidance) {  // the paper sheet; the ask stays
        var next = node.nextElementSibling;
        if (!node.classList.contains("gs-tool-ask")) node.remove();
        node = next;
      }
      var box = el("div", { "class": "gs-tool-controls" }, BUILD[group.answer](group));
      heading.parentNode.insertBefore(box, guidance);
    });
  }

  /* --- answers: read from and written to the controls ----------------------------------------- */
  function controls() { return document.querySelectorAll("#gs-worksheet [data-field]"); }
  function readAnswers() {
    answers = {};
    controls().forEach(function (control) {
      if (control.type === "radio") { if (control.checked) answers[control.dataset.field] = control.value; }
      else if (control.value.trim()) answers[control.dataset.field] = control.value;
    });
  }
  function showAnswers(values) {
    controls().forEach(function (control) {
      var value = values[control.dataset.field];
      if (control.type === "radio") control.checked = value === control.value;
      else control.value = value || "";
    });
    readAnswers();
  }

  /* --- keeping, deleting, files ---------------------------------------------------------------- */
  // A browser that refuses storage (a locked-down profile) keeps the tool working, unkept.
  function store() {
    try { if (keeping) localStorage.setItem(key, JSON.stringify({ answers: answers, records: records })); } catch (error) { /* unkept */ }
  }
  function forget() { try { localStorage.removeItem(key); } catch (error) { /* nothing was kept */ } }
  function stored() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }
  function snapshot() {
    // Readable without the site: every answer with its question and label, in the page's language.
    var readable = [];
    groups.forEach(function (group) {
      (group.answer === "place" ? group.positions : group.items).forEach(function (item) {
        var value = answers[field(group, item.id)];
        if (value === undefined) return;
        var chosen = group.answer === "place" ? group.items.filter(function (i) { return i.id === value; })[0] : null;
        readable.push({ group: group.title, question: item.text || item.label, answer: chosen ? chosen.text :
          group.answer === "rate" ? say(t.of, { point: value, highest: group.scale.highest }) + labelOf(group, value) : value });
      });
    });
    return readable;
  }
  function labelOf(group, value) { var label = group.scale.labels[value]; return label ? " (" + label + ")" : ""; }
  function exportFile() {
    var file = { tool: data.tool, title: data.title, lang: data.lang, exported: today(), answers: answers,
                 readable: snapshot(), records: records };
    var link = el("a", { href: URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" })),
                         download: data.tool + "-" + today() + ".json" });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  function importFile(input) {
    var file = input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var loaded = JSON.parse(text);
      if (!loaded || loaded.tool !== data.tool || typeof loaded.answers !== "object") throw new Error("not this tool");
      showAnswers(loaded.answers);
      records = Array.isArray(loaded.records) ? loaded.records : [];
      store();
      showRecords();
      status(say(t.imported, { file: file.name }));
    }).catch(function () { status(t.import_failed); });
    input.value = "";
  }

  /* --- the result ------------------------------------------------------------------------------ */
  function average(group, values) {
    var sum = 0, count = 0;
    group.items.forEach(function (item) {
      var value = values[field(group, item.id)];
      if (value !== undefined) { sum += Number(value); count++; }
    });
    return count ? sum / count : null;
  }
  function weighed(kind) {
    var found = groups.filter(function (g) { return g.weighs === kind; }).map(function (g) { return average(g, answers); })
      .filter(function (v) { return v !== null; });
    return found.length ? found.reduce(function (a, b) { return a + b; }) / found.length : null;
  }
  function links(group, only) {
    var found = document.querySelectorAll("#gs-guidance-" + group.id + " a[href]");
    return Array.prototype.filter.call(found, function (a) { return !only || only(a); }).map(function (a) {
      var copy = a.cloneNode(true);
      copy.removeAttribute("data-print-note");
      return copy;
    });
  }
  function linkList(nodes) {
    return el("ul", { "class": "gs-result-links" }, nodes.map(function (a) { return el("li", {}, [a]); }));
  }
  function fmt(value) { return value === null ? t.no_answer : (Math.round(value * 10) / 10).toLocaleString(data.lang); }
  function unanswered() {
    var count = 0;
    groups.forEach(function (group) {
      if (group.answer === "write") return;
      (group.answer === "place" ? group.positions : group.items).forEach(function (item) {
        if (answers[field(group, item.id)] === undefined) count++;
      });
    });
    return count;
  }

  function resultParts() {
    var parts = [], gains = weighed("gain"), costs = weighed("cost"), rated = [];
    if (unanswered()) parts.push(el("p", {}, [say(t.unanswered, { n: unanswered() })]));
    groups.forEach(function (group) {
      if (group.answer === "place") {
        group.positions.forEach(function (position) {
          var chosen = group.items.filter(function (i) { return i.id === answers[field(group, position.id)]; })[0];
          parts.push(el("p", {}, [position.label + ": ", el("strong", {}, [chosen ? chosen.text : t.no_answer])]));
        });
        var last = group.positions[group.positions.length - 1];
        var index = group.items.map(function (i) { return i.id; }).indexOf(answers[field(group, last.id)]);
        if (gains !== null && costs !== null) {
          parts.push(el("p", {}, [t.gains + ": " + fmt(gains) + " · " + t.costs + ": " + fmt(costs) + ". ",
                                  costs > gains ? t.costs_more : t.gains_more]));
          if (costs > gains && index > 0) index--;
        }
        if (index >= 0) {
          var fit = group.items[index];
          parts.push(el("h3", {}, [say(t.fits, { level: fit.text })]));
          parts.push(linkList(links(group, function (a) { return a.hash === "#" + fit.id; })
            .concat(links(group, function (a) { return !group.items.some(function (i) { return a.hash === "#" + i.id; }); }))));
        }
      } else if (group.answer === "rate" && !group.weighs) {
        rated.push({ group: group, value: average(group, answers) });
      }
    });
    if (rated.length) {
      parts.push(el("table", { "class": "gs-result-table" }, [
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col" }, [t.area]), el("th", { scope: "col" }, [t.average])])]),
        el("tbody", {}, rated.map(function (row) {
          return el("tr", {}, [el("th", { scope: "row" }, [row.group.title]),
            el("td", {}, [row.value === null ? t.no_answer : say(t.of, { point: fmt(row.value), highest: row.group.scale.highest })])]);
        }))]));
      var weak = rated.filter(function (row) { return row.value !== null && row.value <= row.group.scale.low; })
        .sort(function (a, b) { return a.value - b.value; });
      parts.push(el("h3", {}, [t.weakest]));
      if (!weak.length) parts.push(el("p", {}, [t.none_weak]));
      weak.forEach(function (row) {
        parts.push(el("p", {}, [el("strong", {}, [row.group.title])]), linkList(links(row.group)));
      });
    }
    var written = [];
    groups.forEach(function (group) {
      if (group.answer !== "write") return;
      group.items.forEach(function (item) {
        var value = answers[field(group, item.id)];
        if (value) written.push(el("dt", {}, [item.text]), el("dd", {}, [value]));
      });
    });
    if (written.length) parts.push(el("h3", {}, [t.answers]), el("dl", { "class": "gs-result-answers" }, written));
    return parts;
  }
  function showResult() {
    readAnswers();
    var box = document.getElementById("gs-result"), heading = el("h2", { id: "gs-result-title", tabindex: "-1" }, [t.result]);
    box.replaceChildren.apply(box, [heading, el("p", { "class": "gs-result-date" }, [t.date + ": " + today()])].concat(resultParts()));
    box.hidden = false;
    document.body.classList.add("gs-tool-has-result");
    status(t.ready);
    heading.focus();
  }

  /* --- records over time (a review, a journal) ------------------------------------------------- */
  function record() {
    readAnswers();
    records.push({ date: today(), answers: JSON.parse(JSON.stringify(answers)) });
    store();
    showRecords();
    status(say(t.recorded, { date: today() }));
  }
  function showRecords() {
    var box = document.getElementById("gs-records");
    if (!box) return;
    box.hidden = !records.length;
    var rated = groups.filter(function (g) { return g.answer === "rate"; }), parts = [el("h2", { id: "gs-records-title" }, [t.records])];
    if (rated.length) {
      parts.push(el("h3", {}, [t.compare]), el("div", { "class": "gs-sheet-wrap" }, [el("table", { "class": "gs-result-table" }, [
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col" }, [t.area])].concat(records.map(function (r) {
          return el("th", { scope: "col" }, [r.date]);
        })))]),
        el("tbody", {}, rated.map(function (group) {
          return el("tr", {}, [el("th", { scope: "row" }, [group.title])].concat(records.map(function (r) {
            return el("td", {}, [fmt(average(group, r.answers || {}))]);
          })));
        }))])]));
    }
    records.slice().reverse().forEach(function (r) {
      var written = [];
      groups.forEach(function (group) {
        if (group.answer !== "write") return;
        group.items.forEach(function (item) {
          var value = (r.answers || {})[field(group, item.id)];
          if (value) written.push(el("dt", {}, [item.text]), el("dd", {}, [String(value)]));
        });
      });
      if (written.length) parts.push(el("details", {}, [el("summary", {}, [r.date]), el("dl", { "class": "gs-result-answers" }, written)]));
    });
    box.replaceChildren.apply(box, parts);
  }

  /* --- the page: privacy choice, actions, live status ------------------------------------------ */
  function status(text) { var node = document.getElementById("gs-tool-status"); node.textContent = ""; setTimeout(function () { node.textContent = text; }, 50); }
  function button(id, label, action) {
    var node = el("button", { type: "button", id: id, "class": "md-button" }, [label]);
    node.addEventListener("click", action);
    return node;
  }
  function setUp() {
    var sheet = document.getElementById("gs-worksheet");
    document.querySelectorAll(".gs-tool-nojs").forEach(function (n) { n.hidden = true; });
    buildGroups();
    var keep = el("input", { type: "checkbox", id: "gs-keep", "aria-describedby": "gs-keep-help" });
    var privacy = el("div", { "class": "gs-tool-privacy" }, [
      el("p", {}, [keep, " ", el("label", { "for": "gs-keep" }, [t.keep])]),
      el("p", { "class": "gs-hint", id: "gs-keep-help" }, [t.keep_help]),
      el("p", {}, [button("gs-delete", t.delete, function () {
        forget();
        keeping = keep.checked = false;
        records = [];
        showAnswers({});
        showRecords();
        document.getElementById("gs-result").hidden = true;
        document.body.classList.remove("gs-tool-has-result");
        status(t.deleted);
      })])]);
    sheet.parentNode.insertBefore(privacy, sheet);
    keep.addEventListener("change", function () {
      keeping = keep.checked;
      if (keeping) { readAnswers(); store(); } else forget();
      status(keeping ? t.kept : t.not_kept);
    });
    var file = el("input", { type: "file", id: "gs-import", accept: ".json,application/json" });
    file.addEventListener("change", function () { importFile(file); });
    var after = [
      el("div", { "class": "gs-tool-actions" }, [button("gs-show", t.show_result, showResult),
        data.history ? button("gs-record", t.record, record) : null]),
      el("p", { id: "gs-tool-status", "class": "gs-tool-status", role: "status" }),
      el("section", { id: "gs-result", "class": "gs-tool-result", "aria-labelledby": "gs-result-title", hidden: true }),
      el("div", { "class": "gs-tool-files" }, [button("gs-export", t.export, function () { readAnswers(); exportFile(); }),
        button("gs-print", t.print, function () { if (document.getElementById("gs-result").hidden) showResult(); window.print(); }),
        el("p", {}, [el("label", { "for": "gs-import" }, [t.import]), " ", file])]),
      data.history ? el("section", { id: "gs-records", "class": "gs-tool-records", "aria-labelledby": "gs-records-title", hidden: true }) : null];
    var next = sheet.nextSibling;
    after.forEach(function (node) { if (node) sheet.parentNode.insertBefore(node, next); });
    sheet.addEventListener("change", function () { readAnswers(); store(); });
    sheet.addEventListener("input", function () { readAnswers(); store(); });
    var saved = stored();
    if (saved) {
      keeping = keep.checked = true;
      records = saved.records || [];
      showAnswers(saved.answers || {});
      showRecords();
    }
  }
  setUp();
})();
