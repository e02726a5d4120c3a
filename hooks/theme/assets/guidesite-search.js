/* The site's search (partials/gs-search.html): a button in the header opens a dialog; what
   the reader types is read with the same rules as the index (hooks/guidesite/search.py and
   welsh.py, shipped in each index's manifest.json), and only the index files that the words
   need are fetched. Nothing is sent anywhere but this site. */
(function () {
  "use strict";
  var box = document.querySelector("[data-gs-search]");
  if (!box || !window.fetch || !window.HTMLDialogElement || !String.prototype.normalize) return;
  var strings = JSON.parse(box.getAttribute("data-gs-strings"));
  var opener = box.querySelector(".gs-search__open");
  var dialog = box.querySelector("dialog");
  var input = dialog.querySelector("input");
  var status = dialog.querySelector(".gs-search__status");
  var list = dialog.querySelector(".gs-search__results");
  /* A word also finds longer words it begins (from PREFIX_MIN letters), from at most
     SHARDS_PER_TERM term shards: a short beginning of a common word stays cheap. */
  var SHOWN = 10, PREFIX_MIN = 3, SHARDS_PER_TERM = 2, DEBOUNCE = 120;
  var bilingual = strings.messages.length > 1;
  var indexes = box.getAttribute("data-gs-search").split(" ").map(function (folder) {
    return new Index(new URL(folder.replace(/\/?$/, "/"), location.href));
  });

  /* --- reading words: the same as guidesite/search.py ----------------------------------- */
  function fold(text) { return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function words(text) { return fold(text).match(/[\p{L}\p{N}]+/gu) || []; }
  var UNDOUBLE = "bdgmnprt";
  function stem(word) {
    if (word.length > 4 && /ies$/.test(word)) word = word.slice(0, -3) + "y";
    else if (/s$/.test(word) && !/(ss|us|is)$/.test(word) && word.length > 3) word = word.slice(0, -1);
    var endings = ["ing", "ed"];
    for (var i = 0; i < endings.length; i++) {
      var end = endings[i];
      if (word.slice(-end.length) === end && word.length - end.length >= 3) {
        word = word.slice(0, -end.length);
        if (word.length > 3 && word[word.length - 1] === word[word.length - 2] && UNDOUBLE.indexOf(word[word.length - 1]) >= 0)
          word = word.slice(0, -1);
        break;
      }
    }
    if (/e$/.test(word) && word.length > 3) word = word.slice(0, -1);
    return word;
  }
  function radicals(word, rules, stop) {  /* guidesite/welsh.py radicals() */
    var found = [word];
    if (word.length < rules.min || stop[word]) return found;
    var letter = word.slice(0, 1);
    for (var i = 0; i < rules.digraphs.length; i++) {
      if (word.indexOf(rules.digraphs[i]) === 0) { letter = rules.digraphs[i]; break; }
    }
    if (letter === "h" && !(word.length > 1 && rules.vowels.indexOf(word[1]) >= 0)) return found;
    (rules.demutations[letter] || []).forEach(function (pair) {
      var candidate = pair[1] + word.slice(pair[0].length);
      if (found.indexOf(candidate) < 0 && candidate.length >= rules.min) found.push(candidate);
    });
    return found;
  }
  /* Each meaningful word of a query as the terms it may stand for. */
  function analyse(query, manifest) {
    var slots = [], seen = {};
    words(query).forEach(function (word) {
      if (manifest.stopSet[word]) return;
      var forms = manifest.welsh ? radicals(word, manifest.welsh, manifest.stopSet) : [stem(word)];
      if (!seen[forms[0]]) { seen[forms[0]] = true; slots.push(forms); }
    });
    return slots;
  }

  /* The rules, for the test that compares them with the index's (tests/browser/test_search.py). */
  window.guidesiteSearch = { analyse: function (query, manifest) {
    manifest.stopSet = {};
    manifest.stop.forEach(function (word) { manifest.stopSet[word] = true; });
    return analyse(query, manifest);
  } };

  /* --- one language's index -------------------------------------------------------------- */
  function Index(url) { this.url = url; this.files = {}; }
  Index.prototype.get = function (name) {
    if (!this.files[name]) {
      var self = this;
      this.files[name] = fetch(new URL(name, this.url)).then(function (response) {
        if (!response.ok) throw new Error(name + ": HTTP " + response.status);
        return response.json();
      });
      this.files[name].catch(function () { delete self.files[name]; });
    }
    return this.files[name];
  };
  Index.prototype.manifest = function () {
    return this.get("manifest.json").then(function (manifest) {
      if (!manifest.stopSet) {
        manifest.stopSet = {};
        manifest.stop.forEach(function (word) { manifest.stopSet[word] = true; });
      }
      return manifest;
    });
  };
  /* The term shards that may hold a term or the words it begins. */
  function shardsFor(term, shards) {
    var low = 0, high = shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (shards[middle] <= term) low = middle; else high = middle - 1;
    }
    var found = [low];
    for (var next = low + 1; next < shards.length && found.length < SHARDS_PER_TERM && shards[next].indexOf(term) === 0; next++)
      found.push(next);
    return found;
  }
  /* Pages matching each slot: doc -> best score of any of the slot's terms (an exact term
     counts fully, a longer word it begins less, the more so the longer the word). */
  Index.prototype.search = function (query) {
    var self = this;
    return this.manifest().then(function (manifest) {
      var slots = analyse(query, manifest);
      return Promise.all(slots.map(function (forms) {
        var names = {};
        forms.forEach(function (term) {
          shardsFor(term, manifest.shards).forEach(function (n) { names["t" + n + ".json"] = true; });
        });
        return Promise.all(Object.keys(names).map(function (name) { return self.get(name); })).then(function (shards) {
          var best = {};
          shards.forEach(function (shard) {
            forms.forEach(function (term, position) {
              var own = position === 0 ? 1 : 0.95;
              for (var word in shard) {
                var factor;
                if (word === term) factor = own;
                else if (term.length >= PREFIX_MIN && word.indexOf(term) === 0) factor = own * (0.4 + 0.4 * term.length / word.length);
                else continue;
                var postings = shard[word], doc = 0;
                for (var i = 0; i < postings.length; i += 2) {
                  doc += postings[i];
                  var score = postings[i + 1] * factor;
                  if (!(best[doc] >= score)) best[doc] = score;
                }
              }
            });
          });
          return best;
        });
      })).then(function (perSlot) {
        var total = {}, matched = {};
        perSlot.forEach(function (best) {
          for (var doc in best) { total[doc] = (total[doc] || 0) + best[doc]; matched[doc] = (matched[doc] || 0) + 1; }
        });
        return Object.keys(total).map(function (doc) {
          var coverage = matched[doc] / perSlot.length;
          return { index: self, manifest: manifest, doc: +doc, score: total[doc] * coverage * coverage };
        });
      });
    });
  };
  Index.prototype.doc = function (hit) {
    var per = hit.manifest.doc_shard;
    return this.get("d" + Math.floor(hit.doc / per) + ".json").then(function (shard) {
      var row = shard[hit.doc % per];
      return { url: new URL(hit.manifest.root + row[0], hit.index.url).href, title: row[1], kind: row[2],
               summary: row[3], manifest: hit.manifest };
    });
  };

  /* --- the dialog ------------------------------------------------------------------------ */
  function message(key, values) {
    return strings.messages.map(function (words) {
      return words[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
    }).join(" / ");
  }
  var asked = 0, timer = null;
  function run() {
    var query = input.value.trim(), number = ++asked;
    if (!query) { status.textContent = ""; list.replaceChildren(); return; }
    Promise.all(indexes.map(function (index) { return index.search(query); })).then(function (found) {
      var hits = [].concat.apply([], found).sort(function (a, b) { return b.score - a.score; });
      return Promise.all(hits.slice(0, SHOWN).map(function (hit) { return hit.index.doc(hit); })).then(function (docs) {
        if (number !== asked) return;
        show(query, hits.length, docs);
      });
    }).catch(function () {
      if (number === asked) { status.textContent = message("failed", {}); list.replaceChildren(); }
    });
  }
  function show(query, count, docs) {
    list.replaceChildren.apply(list, docs.map(function (doc) {
      var item = document.createElement("li"), link = document.createElement("a");
      var kind = document.createElement("span"), title = document.createElement("span"), summary = document.createElement("span");
      item.className = "gs-search__result";
      link.href = doc.url;
      kind.className = "gs-search__kind";
      kind.textContent = (doc.manifest.strings.kinds[doc.kind] || "") + (bilingual ? " · " + doc.manifest.strings.language : "");
      title.className = "gs-search__result-title";
      title.textContent = doc.title;
      summary.className = "gs-search__summary";
      summary.textContent = doc.summary;
      if (bilingual) { link.hreflang = doc.manifest.lang; link.lang = doc.manifest.lang; }
      link.append(kind, title, summary);
      item.append(link);
      return item;
    }));
    var key = count === 0 ? "none" : count === 1 ? "one" : count > docs.length ? "many" : "all";
    status.textContent = message(key, { query: query, count: count, shown: docs.length });
  }

  function open() {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    indexes.forEach(function (index) { index.manifest().catch(function () {}); });
  }
  opener.hidden = false;
  opener.addEventListener("click", open);
  dialog.querySelector(".gs-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE);
  });
  /* Arrow keys move between the field and the results; Tab works as everywhere. */
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = [input].concat([].slice.call(list.querySelectorAll("a")));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next >= 0 && next < links.length) { links[next].focus(); event.preventDefault(); }
  });
  /* "/" opens search from anywhere on the page, except while typing in a field. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    if (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)) return;
    event.preventDefault();
    event.stopPropagation();
    open();
  }, true);
})();
