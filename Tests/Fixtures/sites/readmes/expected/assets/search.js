// copse search. Reads the index that search/index.js put in window.copseSearchIndex (loaded as
// a script, so that search works from file:// too), answers queries in the page and writes the
// results into #search-results. Nothing is sent anywhere. The index format is in docs/search.md.
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var SHOWN = 50;

  // Folds case and accents, so that "Café" finds "cafe".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function wordsOf(text) {
    return fold(text).match(WORD) || [];
  }

  // The index, unpacked: every page's words as numbers, and for each search term the pages
  // that have it.
  function Index(data) {
    var alphabet = data.alphabet, terminals = data.terminals, continuations = alphabet.length - terminals;
    var value = new Int16Array(128).fill(-1);
    for (var a = 0; a < alphabet.length; a++) value[alphabet.charCodeAt(a)] = a;
    var offsets = [0], span = terminals;
    for (var d = 1; d < 6; d++) { offsets.push(offsets[d - 1] + span); span *= continuations; }

    this.words = data.words.length ? data.words.split(" ") : [];
    this.terms = [];
    this.termIDs = new Map();
    // The term of each word (most words are one term), or -1 and the list in wordTermLists.
    this.wordTerm = new Int32Array(this.words.length);
    this.wordTermLists = new Map();
    for (var w = 0; w < this.words.length; w++) {
      var parts = wordsOf(this.words[w]).map(this.termID, this);
      this.wordTerm[w] = parts.length === 1 ? parts[0] : -1;
      if (parts.length !== 1) this.wordTermLists.set(w, parts);
    }
    this.communities = data.communities;
    this.kinds = data.kinds;
    this.pages = data.pages;
    var pageCount = this.pages.length;
    this.text = new Array(pageCount);
    this.titleTerms = new Array(pageCount);
    // Two passes over the pages: count each term's pages, then fill one typed array per term.
    var self = this, counts = [], last = [];
    var visit = function (term, page, fill) {
      if (last[term] === page) return;
      last[term] = page;
      if (fill) self.postings[term][counts[term]++] = page;
      else counts[term] = (counts[term] || 0) + 1;
    };
    var each = function (page, fill) {
      var text = self.text[page];
      for (var i = 0; i < text.length; i++) {
        var term = self.wordTerm[text[i]];
        if (term >= 0) visit(term, page, fill);
        else self.wordTermLists.get(text[i]).forEach(function (t) { visit(t, page, fill); });
      }
      self.titleTerms[page].forEach(function (t) { visit(t, page, fill); });
    };
    for (var p = 0; p < pageCount; p++) {
      var code = this.pages[p][6], text = new Int32Array(code.length), count = 0, high = 0, length = 0;
      for (var i = 0; i < code.length; i++) {
        var v = value[code.charCodeAt(i)];
        if (v >= terminals) { high = high * continuations + v - terminals; length++; continue; }
        text[count++] = offsets[length] + high * terminals + v;
        high = 0;
        length = 0;
      }
      this.text[p] = text.subarray(0, count);
      this.titleTerms[p] = wordsOf(this.pages[p][1]).map(this.termID, this);
      each(p, false);
    }
    this.postings = counts.map(function (n) { return new Int32Array(n); });
    counts = new Int32Array(this.terms.length);
    last = [];
    for (var q = 0; q < pageCount; q++) each(q, true);
    // Ties in score go to the newest page, then by title: one rank per page, computed once.
    var pages = this.pages, byDate = pages.map(function (_, i) { return i; }).sort(function (x, y) {
      return pages[x][4] < pages[y][4] ? 1 : pages[x][4] > pages[y][4] ? -1 : pages[x][1] < pages[y][1] ? -1 : pages[x][1] > pages[y][1] ? 1 : x - y;
    });
    this.tieRank = new Int32Array(pageCount);
    byDate.forEach(function (page, rank) { self.tieRank[page] = rank; });
    this.sorted = null;
  }

  Index.prototype.termID = function (term) {
    var id = this.termIDs.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIDs.set(term, id);
    }
    return id;
  };

  // Term ids that start with `prefix`, by binary search over the terms in order.
  Index.prototype.startingWith = function (prefix) {
    if (!this.sorted) {
      var terms = this.terms;
      this.sorted = terms.map(function (_, i) { return i; }).sort(function (x, y) {
        return terms[x] < terms[y] ? -1 : terms[x] > terms[y] ? 1 : 0;
      });
    }
    var sorted = this.sorted, terms = this.terms, low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (terms[sorted[middle]] < prefix) low = middle + 1; else high = middle;
    }
    var found = [];
    for (var i = low; i < sorted.length && terms[sorted[i]].lastIndexOf(prefix, 0) === 0; i++) found.push(sorted[i]);
    return found;
  };

  // The pages that have every word of `query` (each word also matches as the start of a longer
  // one), in the community and of the kind given ("" for any), best first.
  Index.prototype.search = function (query, community, kind) {
    var queryWords = wordsOf(query), none = { words: queryWords, weights: null, pages: [] };
    if (!queryWords.length) return none;
    var communityIndex = community ? this.communities.findIndex(function (c) { return c[0] === community; }) : -1;
    var kindIndex = kind ? this.kinds.findIndex(function (k) { return k[0] === kind; }) : -1;
    if ((community && communityIndex < 0) || (kind && kindIndex < 0)) return none;
    var weights = new Int8Array(this.terms.length), pageCount = this.pages.length;
    var matched = new Uint8Array(pageCount);
    for (var position = 0; position < queryWords.length; position++) {
      var word = queryWords[position], exact = this.termIDs.get(word);
      var terms = word.length > 1 || exact === undefined ? this.startingWith(word) : [exact];
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t], list = this.postings[term];
        weights[term] = Math.max(weights[term], term === exact ? 3 : 1);
        if (!list) continue;
        for (var i = 0; i < list.length; i++) {
          if (matched[list[i]] === position) matched[list[i]] = position + 1;
        }
      }
    }
    var wordWeights = this.wordWeights(weights), results = [], scores = new Int32Array(pageCount);
    for (var p = 0; p < pageCount; p++) {
      if (matched[p] !== queryWords.length) continue;
      var page = this.pages[p];
      if (community && page[2] !== communityIndex) continue;
      if (kind && page[3] !== kindIndex) continue;
      scores[p] = this.score(p, weights, wordWeights);
      results.push(p);
    }
    var tieRank = this.tieRank;
    results.sort(function (x, y) { return scores[y] - scores[x] || tieRank[x] - tieRank[y]; });
    return { words: queryWords, weights: wordWeights, pages: results };
  };

  // The weight of every word for this query: the best weight of its terms.
  Index.prototype.wordWeights = function (weights) {
    var wordWeights = new Int8Array(this.words.length);
    for (var w = 0; w < wordWeights.length; w++) {
      var term = this.wordTerm[w];
      wordWeights[w] = term >= 0 ? weights[term]
        : Math.max.apply(null, [0].concat(this.wordTermLists.get(w).map(function (t) { return weights[t]; })));
    }
    wordWeights.terms = weights;
    return wordWeights;
  };

  // Title matches count most, then how often the words occur (up to a point).
  Index.prototype.score = function (page, weights, wordWeights) {
    var score = 0, text = this.text[page], title = this.titleTerms[page];
    for (var t = 0; t < title.length; t++) score += weights[title[t]] * 10;
    var body = 0;
    for (var i = 0; i < text.length && body < 30; i++) body += wordWeights[text[i]];
    return score + body;
  };

  // Up to 30 words of the page around its first match, as text and the words to mark.
  Index.prototype.snippet = function (page, wordWeights) {
    var text = this.text[page], first = -1;
    for (var i = 0; i < text.length; i++) {
      if (wordWeights[text[i]] > 0) { first = i; break; }
    }
    var start = first < 0 ? 0 : Math.max(0, first - 10), end = Math.min(text.length, start + 30), parts = [];
    for (var j = start; j < end; j++) parts.push({ text: this.words[text[j]], marked: wordWeights[text[j]] > 0 });
    return { parts: parts, before: start > 0, after: end < text.length };
  };

  // --- The page -------------------------------------------------------------------------

  var form = document.getElementById("search-form");
  var data = window.copseSearchIndex;
  if (!form || !data) return;
  var box = document.getElementById("search-q");
  var communitySelect = document.getElementById("search-community");
  var kindSelect = document.getElementById("search-kind");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreWrap = document.getElementById("search-more-wrap");
  var more = document.getElementById("search-more");
  var index = new Index(data);
  var current = null;
  window.copseSearch = index;

  // Appends `text` to `parent`, with the words of the query in <mark>.
  function appendMarked(parent, parts) {
    parts.forEach(function (part, i) {
      if (i > 0) parent.appendChild(document.createTextNode(" "));
      if (!part.marked) { parent.appendChild(document.createTextNode(part.text)); return; }
      var edges = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(part.text);
      if (edges[1]) parent.appendChild(document.createTextNode(edges[1]));
      var mark = document.createElement("mark");
      mark.textContent = edges[2];
      parent.appendChild(mark);
      if (edges[3]) parent.appendChild(document.createTextNode(edges[3]));
    });
  }

  function titleParts(title, wordWeights) {
    return title.split(" ").map(function (word) {
      var marked = wordsOf(word).some(function (w) { var t = index.termIDs.get(w); return t !== undefined && wordWeights.terms[t] > 0; });
      return { text: word, marked: marked };
    });
  }

  function resultItem(p, weights) {
    var page = index.pages[p], item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2"), link = document.createElement("a");
    link.href = "../" + page[0];
    appendMarked(link, titleParts(page[1], weights));
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = document.createElement("p");
    meta.className = "search-result-meta";
    var facts = [index.kinds[page[3]][1]];
    if (page[2] >= 0) facts.unshift(index.communities[page[2]][1]);
    meta.textContent = facts.join(" · ");
    if (page[4]) {
      var time = document.createElement("time");
      time.dateTime = page[4];
      time.textContent = page[5];
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(time);
    }
    item.appendChild(meta);
    var snippet = index.snippet(p, weights);
    if (snippet.parts.length) {
      var text = document.createElement("p");
      text.className = "search-result-snippet";
      if (snippet.before) text.appendChild(document.createTextNode("… "));
      appendMarked(text, snippet.parts);
      if (snippet.after) text.appendChild(document.createTextNode(" …"));
      item.appendChild(text);
    }
    return item;
  }

  function show(limit) {
    list.textContent = "";
    var shown = current.pages.slice(0, limit);
    shown.forEach(function (p) { list.appendChild(resultItem(p, current.weights)); });
    list.hidden = shown.length === 0;
    moreWrap.hidden = current.pages.length <= shown.length;
    more.textContent = "Show all " + current.pages.length + " results";
  }

  function describe(query) {
    var count = current.pages.length, where = [];
    if (communitySelect.value) where.push("in " + communitySelect.selectedOptions[0].textContent);
    if (kindSelect.value) where.push("among " + kindSelect.selectedOptions[0].textContent.toLowerCase());
    var scope = where.length ? " " + where.join(", ") : "";
    if (!query.trim()) return "Type a word to search " + index.pages.length + " pages.";
    if (count === 0) return "No pages match \u201c" + query.trim() + "\u201d" + scope + ". Try fewer or shorter words, or a wider filter.";
    return (count === 1 ? "1 page matches" : count + " pages match") + " \u201c" + query.trim() + "\u201d" + scope + ".";
  }

  function run() {
    var query = box.value;
    current = index.search(query, communitySelect.value, kindSelect.value);
    show(SHOWN);
    status.textContent = describe(query);
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (communitySelect.value) params.set("community", communitySelect.value);
    if (kindSelect.value) params.set("kind", kindSelect.value);
    try {
      history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from a file: the results
      // still show; only the address does not follow them.
    }
  }

  var params = new URLSearchParams(location.search);
  box.value = params.get("q") || "";
  communitySelect.value = params.get("community") || "";
  kindSelect.value = params.get("kind") || "";
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  box.addEventListener("input", run);
  communitySelect.addEventListener("change", run);
  kindSelect.addEventListener("change", run);
  more.addEventListener("click", function () { show(current.pages.length); });
  run();
  if (!box.value) box.focus();
}());
