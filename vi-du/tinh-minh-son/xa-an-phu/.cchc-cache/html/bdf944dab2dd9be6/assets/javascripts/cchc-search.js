/* cchc search page (tim-kiem/): reads ?q=, fetches only the index files the
 * query needs and lists the results in rank order inside #ket-qua.
 *
 * The index is written by generator/search/index.py; the text rules below
 * repeat generator/search/text.py exactly (tests/test_search_browser.py checks
 * that both give the same words for the same text). No dependencies.
 */
(function () {
  "use strict";

  // --- Text: the same words as generator/search/text.py -----------------------

  var MARKS = /[\u0300-\u036f]/g; // combining diacritics: tones, ă â ê ô ơ ư
  var CHUNK = /[a-z0-9]+(?:[./_-][a-z0-9]+)*/g;
  var SEPARATOR = /[./_-]/;
  var DIGIT = /[0-9]/;
  var ONSET_Y = /^(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

  function fold(text) {
    return text.toLowerCase().replace(/[đð]/g, "d").normalize("NFD").replace(MARKS, "");
  }

  function foldIY(word) {
    return ONSET_Y.test(word) ? word.slice(0, -1) + "i" : word;
  }

  /** "Kí 1.001193" → ["ki", "1001193"] */
  function words(text) {
    var out = [];
    var chunks = fold(text).match(CHUNK) || [];
    chunks.forEach(function (chunk) {
      var parts = chunk.split(SEPARATOR).map(foldIY);
      if (parts.length > 1 && DIGIT.test(chunk)) {
        out.push(parts.join(""));
      } else {
        out.push.apply(out, parts);
      }
    });
    return out;
  }

  function stripLeading(ws) {
    return ws.length > 2 && ws[0] === "thu" && ws[1] === "tuc" ? ws.slice(2) : ws;
  }

  function phrase(text) {
    return stripLeading(words(text)).join(" ");
  }

  // --- Index files: see the docstring of generator/search/index.py -----------

  var NAME = 1, KEYWORD = 2, CODE = 4;

  /** A term's shard is chosen by its first 3 letters (5 digits for codes). */
  function keyLength(term) {
    return DIGIT.test(term.charAt(0)) ? 5 : 3;
  }

  function shardKey(term) {
    return term.slice(0, keyLength(term));
  }

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  /** CRC-32, as Python's zlib.crc32 (index keys are ASCII: characters are bytes). */
  function crc32(text) {
    var c = 0xffffffff;
    for (var i = 0; i < text.length; i++) {
      c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  /** Postings "gap << shift | flags" → Map(document number → flags). */
  function decode(postings, shift) {
    var out = new Map(), doc = 0, mask = (1 << shift) - 1;
    (postings || []).forEach(function (value) {
      doc += Math.floor(value / (mask + 1));
      out.set(doc, value & mask);
    });
    return out;
  }

  function Index(base, version, termShards, phraseShards) {
    var cache = new Map();
    function get(path) {
      if (!cache.has(path)) {
        cache.set(path, fetch(base + path + "?v=" + version).then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return response.json();
        }));
      }
      return cache.get(path);
    }
    this.meta = function () { return get("meta.json"); };
    this.shard = function (term) {
      return get("t/" + (crc32(shardKey(term)) % termShards) + ".json");
    };
    this.phrases = function (text) {
      return get("p/" + (crc32(text) % phraseShards) + ".json");
    };
    this.rows = function (chunk) { return get("d/" + chunk + ".json"); };
  }

  // --- Ranking ------------------------------------------------------------------

  var WEIGHT = [[NAME, 4], [CODE, 4], [KEYWORD, 2]]; // any other field: 1
  var TYPO_MIN = 4; // generator/search/text.py TYPO_MIN
  var FEW = 3; // a word finding fewer documents than this also tries typos

  function typoAllowed(word) {
    return word.length >= TYPO_MIN && !DIGIT.test(word);
  }

  /** ``b`` is ``a`` with one letter added, dropped, changed, or two neighbours
   * swapped; both TYPO_MIN long at least (generator/search/text.py one_edit). */
  function oneEdit(a, b) {
    if (a === b || Math.min(a.length, b.length) < TYPO_MIN ||
        Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < Math.min(a.length, b.length) && a.charAt(i) === b.charAt(i)) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) || (a.slice(i + 2) === b.slice(i + 2) &&
        a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /** Words one edit away from ``word`` in its first letters, where the shard key
   * is: the shards its typo may hide the intended word in (a letter too many, or
   * two letters swapped; a changed first letter is not looked for). */
  function typoShardWords(word) {
    var out = [];
    for (var i = 0; i < keyLength(word); i++) {
      out.push(word.slice(0, i) + word.slice(i + 1));
      out.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
    }
    return out.filter(function (w) { return shardKey(w) !== shardKey(word); });
  }
  var LENGTH_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  function fieldWeight(flags) {
    for (var i = 0; i < WEIGHT.length; i++) if (flags & WEIGHT[i][0]) return WEIGHT[i][1];
    return 1;
  }

  /** For each query word: Map(document → {flags, exact, typo}); the last word also
   * matches the terms it begins (it may still be being typed). A word of
   * TYPO_MIN letters or more that finds fewer than FEW documents also matches the
   * terms one edit away (oneEdit) in its own shard and in ``extra`` shards
   * (``null``: no typos). */
  function wordMatches(word, shard, isLast, extra) {
    var found = new Map();
    decode(shard[word], 4).forEach(function (flags, doc) {
      found.set(doc, { flags: flags, exact: true, typo: false });
    });
    if (isLast && word.length >= keyLength(word)) {
      Object.keys(shard).forEach(function (term) {
        if (term === word || term.indexOf(word) !== 0) return;
        decode(shard[term], 4).forEach(function (flags, doc) {
          var seen = found.get(doc);
          if (seen && seen.exact) return;
          found.set(doc, { flags: (seen ? seen.flags : 0) | flags, exact: false, typo: false });
        });
      });
    }
    if (extra === null || found.size >= FEW || !typoAllowed(word)) return found;
    [shard].concat(extra).forEach(function (loaded) {
      Object.keys(loaded).forEach(function (term) {
        if (!oneEdit(word, term)) return;
        decode(loaded[term], 4).forEach(function (flags, doc) {
          if (!found.has(doc)) found.set(doc, { flags: flags, exact: false, typo: true });
        });
      });
    });
    return found;
  }

  /** Ranked document numbers for ``qwords`` (the query's words without repeats,
   * with their ``shards``) and the documents whose name or keyword is exactly the
   * query (``phrases``); ``partial`` when none matches every word. */
  function rank(qwords, shards, phrases, meta, extra) {
    var total = meta.lengths.length;
    var perWord = qwords.map(function (word, i) {
      return wordMatches(word, shards[i], i === qwords.length - 1, (extra && extra[i]) || []);
    });
    var docs = new Map(), n = qwords.length;
    perWord.forEach(function (found) {
      var idf = Math.log(1 + total / Math.max(1, found.size));
      found.forEach(function (hit, doc) {
        var d = docs.get(doc) ||
          { doc: doc, matched: 0, inName: 0, exact: 0, typos: 0, score: 0 };
        d.matched += 1;
        if (hit.typo) d.typos += 1;
        if (hit.flags & (NAME | CODE)) d.inName += 1;
        if (hit.exact) d.exact += 1;
        d.score += fieldWeight(hit.flags) * idf * (hit.exact ? 1 : hit.typo ? 0.5 : 0.7);
        // A number typed alone that is (part of) a procedure's code: that procedure.
        if (n === 1 && hit.exact && (hit.flags & CODE) && DIGIT.test(qwords[0])) {
          d.codeExact = true;
        }
        docs.set(doc, d);
      });
    });
    var full = [], partial = [];
    docs.forEach(function (d) {
      var nameLength = LENGTH_DIGITS.indexOf(meta.lengths.charAt(d.doc));
      d.coverage = Math.min(1, d.inName / Math.max(1, nameLength));
      if (phrases.has(d.doc)) d.tier = phrases.get(d.doc) ? 0.5 : 0;
      else if (d.codeExact) d.tier = 0;
      else if (d.matched === n) d.tier = d.inName === n ? 1 : 2;
      else d.tier = 3;
      d.group = d.doc < meta.groups[0] ? 0 : d.doc < meta.groups[0] + meta.groups[1] ? 1 : 2;
      d.frequent = d.doc < (meta.frequent || 0) ? 1 : 0; // thuong_dung: numbered first
      if (d.tier < 3) full.push(d);
      else if (d.matched >= 2 && 2 * d.matched >= n) partial.push(d);
    });
    var list = full.length ? full : partial;
    // In force before abolished; without typos before with; then how well it
    // matches; among equal matches a procedure marked thuong_dung first.
    list.sort(function (a, b) {
      return a.group - b.group || a.typos - b.typos || a.tier - b.tier ||
        b.matched - a.matched || b.exact - a.exact || b.frequent - a.frequent ||
        b.coverage - a.coverage || b.score - a.score || a.doc - b.doc;
    });
    return { docs: list.map(function (d) { return d.doc; }), partial: !full.length };
  }

  /** For each query word that finds few documents and may hold a typo, the other
   * shards the intended word may be in (fetched only then). */
  function typoShards(index, qwords, shards) {
    return Promise.all(qwords.map(function (word, i) {
      var last = i === qwords.length - 1;
      if (!typoAllowed(word) || wordMatches(word, shards[i], last, null).size >= FEW) {
        return Promise.resolve([]);
      }
      return Promise.all(typoShardWords(word).map(index.shard));
    }));
  }

  /** Everything the query needs, fetched in parallel, then ranked. */
  function search(index, query) {
    var all = words(query);
    var qwords = all.filter(function (w, i) { return all.indexOf(w) === i; });
    if (!qwords.length) return Promise.resolve(null);
    var core = stripLeading(all).join(" ");
    var needed = [index.meta(), index.phrases(core)].concat(qwords.map(index.shard));
    return Promise.all(needed).then(function (loaded) {
      return typoShards(index, qwords, loaded.slice(2)).then(function (extra) {
        return [loaded, extra];
      });
    }).then(function (both) {
      var loaded = both[0], extra = both[1];
      var meta = loaded[0], phrases = decode(loaded[1][core], 1), shards = loaded.slice(2);
      var result = rank(qwords, shards, phrases, meta, extra);
      // A short last word may still be being typed: if nothing has it, leave it out.
      var last = all[all.length - 1];
      if (result.partial && qwords.length > 1 && last.length < keyLength(last) &&
          all.indexOf(last) === all.length - 1) {
        result = rank(qwords.slice(0, -1), shards.slice(0, -1), new Map(), meta);
      }
      result.chunk = meta.chunk;
      return result;
    });
  }

  // --- The page -----------------------------------------------------------------

  var PAGE_SIZE = 20;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultItem(row, root) {
    var item = element("li", "cchc-result" + (row[3] ? " cchc-result--inactive" : ""));
    var link = element("a", "cchc-result__name", row[1]);
    link.href = root + row[0];
    item.appendChild(link);
    if (row[3]) item.appendChild(element("span", "cchc-badge", row[3]));
    row[2].forEach(function (line) {
      item.appendChild(element("span", "cchc-result__details", line));
    });
    return item;
  }

  function SearchPage(form, root) {
    var input = form.querySelector("input[name=q]");
    var text = document.getElementById("ket-qua").dataset;
    var status = document.getElementById("trang-thai");
    var output = document.getElementById("danh-sach-ket-qua");
    var help = document.getElementById("khong-co-ket-qua"); // shown when nothing is found
    var index = new Index(root + "tim-kiem/chi-muc/", form.dataset.version,
                          Number(form.dataset.termShards), Number(form.dataset.phraseShards));
    var latest = 0, timer = null;

    /** The display rows of ``docs``, from the few files that hold them. */
    function rows(docs, chunk) {
      var files = docs.map(function (doc) { return Math.floor(doc / chunk); });
      var unique = files.filter(function (f, i) { return files.indexOf(f) === i; });
      return Promise.all(unique.map(index.rows)).then(function (loaded) {
        return docs.map(function (doc, i) {
          return loaded[unique.indexOf(files[i])][doc % chunk];
        });
      });
    }

    /** Replace what is shown, once everything for it has arrived. */
    function show(query, result, count, ticket, focusFrom) {
      var shown = result ? result.docs.slice(0, count) : [];
      return rows(shown, result ? result.chunk : 1).then(function (loaded) {
        if (ticket !== latest) return;
        output.textContent = "";
        if (!result) { status.textContent = ""; return; }
        status.textContent = (shown.length ? text.found : text.none)
          .replace("{n}", result.docs.length).replace("{q}", query);
        if (!shown.length) {
          var offer = help.cloneNode(true);
          offer.removeAttribute("id");
          offer.hidden = false;
          output.appendChild(offer);
          return;
        }
        if (result.partial) output.appendChild(element("p", "cchc-partial", text.partial));
        var list = element("ol", "cchc-results");
        loaded.forEach(function (row) { list.appendChild(resultItem(row, root)); });
        output.appendChild(list);
        if (focusFrom !== undefined && list.children[focusFrom]) {
          list.children[focusFrom].querySelector("a").focus();
        }
        if (result.docs.length > count) {
          var more = element("button", "md-button cchc-more", text.more);
          more.type = "button";
          more.addEventListener("click", function () {
            show(query, result, count + PAGE_SIZE, ++latest, count);
          });
          output.appendChild(more);
        }
      });
    }

    function run() {
      var query = input.value.trim();
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      var ticket = ++latest;
      search(index, query).then(function (result) {
        return show(query, result, PAGE_SIZE, ticket);
      }).catch(function (error) {
        if (ticket !== latest) return;
        status.textContent = text.error;
        if (window.console) console.error(error);
      });
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    if (input.value.trim()) run(); else input.focus();
  }

  // The index and result links are relative to the site root, which is two
  // folders above this file (assets/javascripts/).
  var root = new URL("../../", document.currentScript.src).href;
  // For tests: the text rules, to compare with generator/search/text.py, and the
  // ranking, to run on an index made for a test (tests/test_search_ranking.py).
  window.cchcSearch = { words: words, phrase: phrase, crc32: crc32, shardKey: shardKey,
                        oneEdit: oneEdit, Index: Index, search: search };
  // The script comes right after the page's content (theme/cchc-search.html):
  // the form is there already, so the search starts without waiting for the rest.
  var form = document.getElementById("tim-kiem-form");
  if (form) SearchPage(form, root);
})();
