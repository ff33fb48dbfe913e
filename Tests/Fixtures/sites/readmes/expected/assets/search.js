// copse search. Reads the index that search/index.js put in window.copseSearchIndex (loaded as
// a script, so that search works from file:// too), answers queries in the page and writes the
// results into #search-results. Nothing is sent anywhere. The index format is in docs/search.md.
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var SHOWN = 50;
  // A word of two or three parts (micro:bit, e-safety) is also a term joined (microbit).
  var JOINED_PARTS = 3;
  // Query words this long or longer also match terms one typing slip away.
  var TYPO_LENGTH = 5;
  // How much a term counts for a query word: the word itself, a word with its stem, a word it
  // starts, a word one slip away.
  var EXACT = 4, STEM = 3, PREFIX = 2, TYPO = 1;

  // Folds case and accents, so that "Café" finds "cafe".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function partsOf(text) {
    return fold(text).match(WORD) || [];
  }

  // The terms of one word: its parts, then (for two or three parts) the parts joined. The
  // index builder does the same (SearchTerms.swift); Tests/Fixtures/search-terms.json checks both.
  function termsOf(word) {
    var parts = partsOf(word), terms = [];
    parts.forEach(function (part) { if (terms.indexOf(part) < 0) terms.push(part); });
    if (parts.length >= 2 && parts.length <= JOINED_PARTS) {
      var joined = parts.join("");
      if (terms.indexOf(joined) < 0) terms.push(joined);
    }
    return terms;
  }

  // copse's small English stemmer, exactly as SearchStemmer.swift (the rules are there and in
  // docs/search.md): plurals, then one ending, then a final e and a doubled consonant.
  var ENDINGS = [["ness", ""], ["ment", ""], ["ied", "y"], ["ing", ""], ["ion", ""], ["ive", ""], ["ed", ""], ["ly", ""]];
  function stem(term) {
    if (term.length < 4 || !/^[a-z0-9]+$/.test(term)) return term;
    var s = term;
    var cut = function (length, added) {
      return s.length - length + added.length >= 3 ? s.slice(0, s.length - length) + added : s;
    };
    if (/ies$/.test(s)) s = cut(3, "y");
    else if (/[^sui]s$/.test(s)) s = cut(1, "");
    for (var e = 0; e < ENDINGS.length; e++) {
      if (s.slice(-ENDINGS[e][0].length) === ENDINGS[e][0]) { s = cut(ENDINGS[e][0].length, ENDINGS[e][1]); break; }
    }
    if (s.slice(-1) === "e") s = cut(1, "");
    var last = s.charAt(s.length - 1);
    if (s.length > 3 && last === s.charAt(s.length - 2) && /[b-df-hj-np-tv-z]/.test(last)) s = s.slice(0, -1);
    return s;
  }

  // How many single-character edits (insert, delete, substitute, swap two neighbours) turn a
  // into b; max + 1 when it is more than max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var v = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        if (before && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, before[k - 2] + 1);
        current.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  window.copseSearchTerms = { fold: fold, partsOf: partsOf, termsOf: termsOf, stem: stem, distance: distance };

  // The index, unpacked from its parts: every page's words as numbers (each part numbers its own
  // words; here they are numbered in the whole index), and for each search term the pages that
  // have it.
  function Index(data, parts) {
    var alphabet = data.alphabet, terminals = data.terminals, continuations = alphabet.length - terminals;
    var value = new Int16Array(128).fill(-1);
    for (var a = 0; a < alphabet.length; a++) value[alphabet.charCodeAt(a)] = a;
    var offsets = [0], span = terminals;
    for (var d = 1; d < 6; d++) { offsets.push(offsets[d - 1] + span); span *= continuations; }
    var decode = function (code) {
      var numbers = new Int32Array(code.length), count = 0, high = 0, length = 0;
      for (var i = 0; i < code.length; i++) {
        var v = value[code.charCodeAt(i)];
        if (v >= terminals) { high = high * continuations + v - terminals; length++; continue; }
        numbers[count++] = offsets[length] + high * terminals + v;
        high = 0;
        length = 0;
      }
      return numbers.subarray(0, count);
    };

    var self = this;
    this.words = [];
    this.terms = [];
    this.stems = [];
    this.termIDs = new Map();
    this.stemTerms = new Map();
    // The term of each word (most words are one term), or -1 and the list in wordTermLists.
    var wordTerm = [];
    this.wordTermLists = new Map();
    this.communities = data.communities;
    this.kinds = data.kinds;
    this.conferences = data.conferences;
    this.principles = data.principles;
    this.pages = [];
    this.text = [];
    this.evidenceText = [];
    var wordIDs = new Map();
    var renumber = function (numbers, ids) {
      for (var i = 0; i < numbers.length; i++) numbers[i] = ids[numbers[i]];
      return numbers;
    };
    parts.forEach(function (part) {
      var edits = part.terms.length ? part.stems.split(" ") : [];
      var termIDs = (part.terms.length ? part.terms.split(" ") : []).map(function (term, t) {
        var known = self.termIDs.get(term);
        if (known !== undefined) return known;
        var edit = /^(\d*)(.*)$/.exec(edits[t]);
        return self.addTerm(term, edit[1] ? term.slice(0, term.length - Number(edit[1])) + edit[2] : term);
      });
      var words = part.words.length ? part.words.split(" ") : [];
      var wordTerms = decode(part.wordTerms), ids = new Int32Array(words.length);
      for (var w = 0, at = 0; w < words.length; w++) {
        var n = wordTerms[at++], id = wordIDs.get(words[w]);
        if (id === undefined) {
          id = self.words.length;
          wordIDs.set(words[w], id);
          self.words.push(words[w]);
          wordTerm.push(n === 1 ? termIDs[wordTerms[at]] : -1);
          if (n !== 1) self.wordTermLists.set(id, Array.from(wordTerms.subarray(at, at + n), function (t) { return termIDs[t]; }));
        }
        ids[w] = id;
        at += n;
      }
      part.pages.forEach(function (page) {
        self.pages.push(page);
        self.text.push(renumber(decode(page[6]), ids));
        self.evidenceText.push(page[8] ? renumber(decode(page[8][2]), ids) : new Int32Array(0));
      });
    });
    this.wordTerm = Int32Array.from(wordTerm);
    var pageCount = this.pages.length;
    this.titleTerms = new Array(pageCount);
    this.labelTerms = new Array(pageCount);
    // Two passes over the pages: count each term's pages, then fill one typed array per term.
    var counts = [], last = [];
    var visit = function (term, page, fill) {
      if (last[term] === page) return;
      last[term] = page;
      if (fill) self.postings[term][counts[term]++] = page;
      else counts[term] = (counts[term] || 0) + 1;
    };
    var visitWords = function (text, page, fill) {
      for (var i = 0; i < text.length; i++) {
        var term = self.wordTerm[text[i]];
        if (term >= 0) visit(term, page, fill);
        else self.wordTermLists.get(text[i]).forEach(function (t) { visit(t, page, fill); });
      }
    };
    var each = function (page, fill) {
      visitWords(self.text[page], page, fill);
      visitWords(self.evidenceText[page], page, fill);
      self.titleTerms[page].forEach(function (t) { visit(t, page, fill); });
      self.labelTerms[page].forEach(function (t) { visit(t, page, fill); });
    };
    // Titles and tags repeat their words from page to page: each word is folded once.
    var known = new Map();
    var termIDsOf = function (words) {
      var ids = [];
      for (var i = 0; i < words.length; i++) {
        var word = words[i], found = known.get(word);
        if (!found) {
          found = termsOf(word).map(self.termID, self);
          known.set(word, found);
        }
        for (var j = 0; j < found.length; j++) ids.push(found[j]);
      }
      return ids;
    };
    for (var p = 0; p < pageCount; p++) {
      var page = this.pages[p], evidence = page[8];
      this.titleTerms[p] = termIDsOf(page[1].split(" "));
      // Tags and evidence principles: found like words of the text, and they count more.
      this.labelTerms[p] = termIDsOf((page[7] || []).concat(evidence ? evidence[1].map(function (i) { return self.principles[i]; }) : []));
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
    this.byLength = null;
  }

  Index.prototype.addTerm = function (term, termStem) {
    var id = this.terms.length;
    this.terms.push(term);
    this.stems.push(termStem);
    this.termIDs.set(term, id);
    var siblings = this.stemTerms.get(termStem);
    if (siblings) siblings.push(id); else this.stemTerms.set(termStem, [id]);
    return id;
  };

  Index.prototype.termID = function (term) {
    var id = this.termIDs.get(term);
    return id === undefined ? this.addTerm(term, stem(term)) : id;
  };

  // How many pages have a term.
  Index.prototype.pageCount = function (term) {
    return this.postings[term] ? this.postings[term].length : 0;
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

  // Term ids within `max` edits of `word` that some page has, nearest first, then on most pages.
  Index.prototype.near = function (word, max) {
    if (!this.byLength) {
      this.byLength = [];
      for (var t = 0; t < this.terms.length; t++) {
        var length = this.terms[t].length;
        (this.byLength[length] = this.byLength[length] || []).push(t);
      }
    }
    var found = [];
    for (var l = Math.max(1, word.length - max); l <= word.length + max; l++) {
      var bucket = this.byLength[l] || [];
      for (var i = 0; i < bucket.length; i++) {
        var d = distance(word, this.terms[bucket[i]], max);
        if (d <= max && d > 0 && this.pageCount(bucket[i]) > 0) found.push([bucket[i], d]);
      }
    }
    var self = this;
    found.sort(function (x, y) {
      return x[1] - y[1] || self.pageCount(y[0]) - self.pageCount(x[0]) || (self.terms[x[0]] < self.terms[y[0]] ? -1 : 1);
    });
    return found.map(function (f) { return f[0]; });
  };

  // The terms a query word matches, as term id -> how much it counts (EXACT, STEM, PREFIX, TYPO).
  Index.prototype.candidates = function (word) {
    var found = new Map(), exact = this.termIDs.get(word);
    var add = function (term, weight) { if (!(found.get(term) >= weight)) found.set(term, weight); };
    var siblings = this.stemTerms.get(stem(word)) || [];
    if (word.length > 1 || exact === undefined) this.startingWith(word).forEach(function (t) { add(t, PREFIX); });
    siblings.forEach(function (t) { add(t, STEM); });
    if (exact !== undefined) add(exact, EXACT);
    // A word the index does not have (itself or with another ending) may be misspelt.
    if (word.length >= TYPO_LENGTH && !siblings.some(function (t) { return this.pageCount(t) > 0; }, this)) {
      this.near(word, 1).forEach(function (t) {
        add(t, TYPO);
        (this.stemTerms.get(this.stems[t]) || []).forEach(function (s) { add(s, TYPO); });
      }, this);
    }
    return found;
  };

  // The pages that have every word of `query` (each word also matches as the start of a longer
  // one, with another ending, or misspelt), in the community and of the kind given ("" for
  // any), best first: pages that have the words as typed before pages with a similar word.
  Index.prototype.search = function (query, community, kind) {
    var tokens = query.split(/\s+/).map(partsOf).filter(function (parts) { return parts.length; });
    var queryWords = [].concat.apply([], tokens);
    var none = { words: queryWords, weights: null, pages: [], close: 0, similar: [] };
    if (!tokens.length) return none;
    var communityIndex = community ? this.communities.findIndex(function (c) { return c[0] === community; }) : -1;
    var kindIndex = kind ? this.kinds.findIndex(function (k) { return k[0] === kind; }) : -1;
    if ((community && communityIndex < 0) || (kind && kindIndex < 0)) return none;
    var weights = new Int8Array(this.terms.length), pageCount = this.pages.length, similar = new Set(), self = this;
    // For one query word: per page, 2 when it has the word (or a relative), 1 when only a similar word.
    var hits = function (word) {
      var hit = new Uint8Array(pageCount);
      self.candidates(word).forEach(function (weight, term) {
        if (weight > weights[term]) weights[term] = weight;
        if (weight === TYPO && self.pageCount(term) > 0) similar.add(term);
        var list = self.postings[term] || [], level = weight === TYPO ? 1 : 2;
        for (var i = 0; i < list.length; i++) if (hit[list[i]] < level) hit[list[i]] = level;
      });
      return hit;
    };
    // Every page's worst level over the query's words: a word typed as micro:bit is found as
    // microbit or as both micro and bit.
    var matched = new Uint8Array(pageCount).fill(2);
    tokens.forEach(function (parts) {
      var hit = hits(parts[0]);
      if (parts.length > 1) {
        parts.slice(1).forEach(function (part) {
          var more = hits(part);
          for (var p = 0; p < pageCount; p++) if (more[p] < hit[p]) hit[p] = more[p];
        });
        if (parts.length <= JOINED_PARTS) {
          var joined = hits(parts.join(""));
          for (var p = 0; p < pageCount; p++) if (joined[p] > hit[p]) hit[p] = joined[p];
        }
      }
      for (var q = 0; q < pageCount; q++) if (hit[q] < matched[q]) matched[q] = hit[q];
    });
    var wordWeights = this.wordWeights(weights), results = [], scores = new Int32Array(pageCount), close = 0;
    for (var p = 0; p < pageCount; p++) {
      if (!matched[p]) continue;
      var page = this.pages[p];
      if (community && page[2] !== communityIndex) continue;
      if (kind && page[3] !== kindIndex) continue;
      scores[p] = this.score(p, weights, wordWeights);
      if (matched[p] === 2) close++;
      results.push(p);
    }
    var tieRank = this.tieRank;
    results.sort(function (x, y) { return matched[y] - matched[x] || scores[y] - scores[x] || tieRank[x] - tieRank[y]; });
    var similarWords = Array.from(similar).sort(function (x, y) { return self.pageCount(y) - self.pageCount(x); })
      .slice(0, 3).map(function (t) { return self.terms[t]; });
    return { words: queryWords, weights: wordWeights, pages: results, close: close, similar: close < results.length ? similarWords : [] };
  };

  // Queries like `query` with each word the index does not know replaced by a near one, for
  // "Did you mean ...?": up to three, the nearest first.
  Index.prototype.suggest = function (query) {
    var self = this, words = query.trim().split(/\s+/), alternatives = [];
    var options = words.map(function (word) {
      var parts = partsOf(word);
      if (!parts.length) return [word];
      var known = parts.every(function (part) {
        var found = false;
        self.candidates(part).forEach(function (_, term) { if (self.pageCount(term) > 0) found = true; });
        return found;
      });
      var key = parts.join("");
      if (known || key.length < 3) return [word];
      var near = self.near(key, key.length < TYPO_LENGTH ? 1 : 2).slice(0, 3).map(function (t) { return self.terms[t]; });
      return near.length ? near : [word];
    });
    for (var i = 0; i < 3; i++) {
      var suggestion = options.map(function (o) { return o[Math.min(i, o.length - 1)]; }).join(" ");
      if (suggestion !== words.join(" ") && alternatives.indexOf(suggestion) < 0) alternatives.push(suggestion);
    }
    return alternatives;
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

  // Title matches count most, then tags and evidence principles, then how often the words occur
  // in the text (up to a point).
  Index.prototype.score = function (page, weights, wordWeights) {
    var score = 0, title = this.titleTerms[page], labels = this.labelTerms[page], inTitle = 0;
    for (var t = 0; t < title.length; t++) {
      score += weights[title[t]] * 10;
      if (weights[title[t]]) inTitle++;
    }
    // A title the words make up more of is the better match ("Pair programming trial: first
    // findings" before "Sharing the pair programming trial with trainee teachers").
    if (title.length) score += Math.round(20 * inTitle / title.length);
    for (var l = 0; l < labels.length; l++) score += weights[labels[l]] * 5;
    return score + occurrences(this.evidenceText[page], wordWeights, occurrences(this.text[page], wordWeights, 0));
  };

  // `body` plus the weights of the words of `text`, up to 30 (a plain loop: this is the hot one).
  function occurrences(text, wordWeights, body) {
    for (var i = 0; i < text.length && body < 30; i++) body += wordWeights[text[i]];
    return body;
  }

  // Up to 30 words around the first match in the page's text (else in its evidence summary),
  // as text and the words to mark.
  Index.prototype.snippet = function (page, wordWeights) {
    var text = this.text[page], first = this.firstMatch(text, wordWeights), evidence = false;
    if (first < 0 && this.firstMatch(this.evidenceText[page], wordWeights) >= 0) {
      text = this.evidenceText[page];
      first = this.firstMatch(text, wordWeights);
      evidence = true;
    }
    var start = first < 0 ? 0 : Math.max(0, first - 10), end = Math.min(text.length, start + 30), parts = [];
    for (var j = start; j < end; j++) parts.push({ text: this.words[text[j]], marked: wordWeights[text[j]] > 0 });
    return { parts: parts, before: start > 0, after: end < text.length, evidence: evidence };
  };

  Index.prototype.firstMatch = function (text, wordWeights) {
    for (var i = 0; i < text.length; i++) if (wordWeights[text[i]] > 0) return i;
    return -1;
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
  var index = null, current = null;

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

  // Whether any term of `text` counts for the query.
  function matches(text, wordWeights) {
    return termsOf(text).some(function (w) { var t = index.termIDs.get(w); return t !== undefined && wordWeights.terms[t] > 0; });
  }

  function titleParts(title, wordWeights) {
    return title.split(" ").map(function (word) { return { text: word, marked: matches(word, wordWeights) }; });
  }

  // "a, b, c", with the labels that match the query marked.
  function appendLabels(parent, labels, wordWeights) {
    labels.forEach(function (label, i) {
      if (i > 0) parent.appendChild(document.createTextNode(", "));
      if (!matches(label, wordWeights)) { parent.appendChild(document.createTextNode(label)); return; }
      var mark = document.createElement("mark");
      mark.textContent = label;
      parent.appendChild(mark);
    });
  }

  function paragraph(className) {
    var p = document.createElement("p");
    p.className = className;
    return p;
  }

  function resultItem(p, weights) {
    var page = index.pages[p], item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2"), link = document.createElement("a");
    link.href = "../" + page[0];
    appendMarked(link, titleParts(page[1], weights));
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = paragraph("search-result-meta");
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
    var evidence = page[8];
    if (evidence) {
      var line = paragraph("search-result-evidence"), conference = index.conferences[evidence[0]];
      line.textContent = "Evidence" + (conference ? " for " + conference[1] : "");
      var principles = evidence[1].map(function (i) { return index.principles[i]; });
      if (principles.length) {
        line.appendChild(document.createTextNode(" · "));
        appendLabels(line, principles, weights);
      }
      item.appendChild(line);
    }
    var snippet = index.snippet(p, weights);
    if (snippet.parts.length) {
      var text = paragraph("search-result-snippet");
      if (snippet.evidence) text.appendChild(document.createTextNode("Evidence: "));
      if (snippet.before) text.appendChild(document.createTextNode("… "));
      appendMarked(text, snippet.parts);
      if (snippet.after) text.appendChild(document.createTextNode(" …"));
      item.appendChild(text);
    }
    if (page[7] && page[7].length) {
      var tags = paragraph("search-result-tags");
      tags.textContent = "Tags: ";
      appendLabels(tags, page[7], weights);
      item.appendChild(tags);
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

  // Says in the live status line what the query found. With nothing found, it offers queries
  // with each unknown word spelt as the index has a near one ("Did you mean ...?"), as links.
  function describe(query) {
    var count = current.pages.length, close = current.close, where = [], quoted = "\u201c" + query.trim() + "\u201d";
    if (communitySelect.value) where.push("in " + communitySelect.selectedOptions[0].textContent);
    if (kindSelect.value) where.push("among " + kindSelect.selectedOptions[0].textContent.toLowerCase());
    var scope = where.length ? " " + where.join(", ") : "";
    var pages = function (n) { return n === 1 ? "1 page matches" : n + " pages match"; };
    var similar = current.similar.length ? ": " + current.similar.join(", ") : "";
    status.textContent = "";
    if (!query.trim()) {
      status.textContent = "Type a word to search " + index.pages.length + " pages.";
    } else if (count && close === count) {
      status.textContent = pages(count) + " " + quoted + scope + ".";
    } else if (count && !close) {
      status.textContent = "No page has " + quoted + scope + ", but " + (count === 1 ? "1 page has" : count + " pages have") + " a similar word" + similar + ".";
    } else if (count) {
      status.textContent = pages(close) + " " + quoted + scope + ", and " + (count - close) + " more a similar word" + similar + ".";
    } else {
      var suggestions = index.suggest(query).filter(function (s) {
        return index.search(s, communitySelect.value, kindSelect.value).pages.length > 0;
      });
      status.textContent = "No pages match " + quoted + scope + "."
        + (suggestions.length ? " Did you mean " : " Try fewer or shorter words, or a wider filter.");
      suggestions.forEach(function (suggestion, i) {
        if (i > 0) status.appendChild(document.createTextNode(i === suggestions.length - 1 ? " or " : ", "));
        status.appendChild(suggestionLink(suggestion));
      });
      if (suggestions.length) status.appendChild(document.createTextNode("?"));
    }
  }

  // A link that searches for `suggestion` (in the same filters): in place when clicked, and
  // as an ordinary address otherwise.
  function suggestionLink(suggestion) {
    var link = document.createElement("a");
    link.href = "?" + address(suggestion);
    link.className = "search-suggestion";
    link.textContent = suggestion;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      box.value = suggestion;
      run();
      box.focus();
    });
    return link;
  }

  function address(query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (communitySelect.value) params.set("community", communitySelect.value);
    if (kindSelect.value) params.set("kind", kindSelect.value);
    return params.toString();
  }

  function run() {
    if (!index) return;
    var query = box.value;
    current = index.search(query, communitySelect.value, kindSelect.value);
    show(SHOWN);
    describe(query);
    var params = address(query);
    try {
      history.replaceState(null, "", params ? "?" + params : location.pathname);
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
  if (!box.value) box.focus();

  // The index's parts sit beside index.js, one script each (a script loads from a folder opened
  // as file://, where fetch() does not); each adds itself to window.copseSearchParts.
  var names = data.parts || [], waiting = names.length;
  var ready = function () {
    var parts = (window.copseSearchParts || []).slice().sort(function (x, y) { return x.part - y.part; });
    if (parts.length !== names.length) return failed();
    index = new Index(data, parts);
    window.copseSearch = index;
    run();
  };
  var failed = function () {
    waiting = -1;
    status.textContent = "The search index could not be loaded. Reload the page; if it still fails, the site needs building again.";
  };
  status.textContent = "Loading the search index…";
  if (!waiting) ready();
  names.forEach(function (name) {
    var script = document.createElement("script");
    script.src = name;
    script.onload = function () { if (--waiting === 0) ready(); };
    script.onerror = failed;
    document.head.appendChild(script);
  });
}());
