/* The editor's pass of the wkhtmltopdf producer (tests/newspaper_wkhtml.py), run by QtWebKit inside wkhtmltopdf
   before it prints. ES5 only. QtWebKit in wkhtmltopdf does not lay out CSS multi-column boxes, so a story's columns
   are absolutely positioned boxes, LINKED as in a page-layout program: the story's paragraphs flow from box to box,
   a paragraph that does not fit is split at the last character QtWebKit lays out inside the box (its own line
   breaking), the rest opens the next box. The editor then fits the story: the largest prefix of its text (cut
   points: paragraph ends; any character for a jump; sentence ends of the first paragraph when even that does not
   fit) that flows into the module's boxes with its trailer (closing byline, jump marker). A jumped story's rest goes
   to its continuation on page 2, fitted the same way. Every printed piece is reported on the console (wkhtmltopdf
   --debug-javascript prints it): the gold is what QtWebKit laid out. */
(function () {
  var SLACK = 1.5; // px kept free at a box's foot: print layout may differ from screen layout by a hair
  var PUNCT = "。！？，、；：”）」』》.,;:!?)";
  var failures = [];

  function fitsBox(col) {
    var last = col.lastChild;
    if (!last) return true;
    return last.getBoundingClientRect().bottom <= col.getBoundingClientRect().bottom - SLACK;
  }

  function sentenceEnds(text, ends) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      if (ends.indexOf(text.charAt(i)) >= 0) {
        var j = i + 1;
        while (j < text.length && "”’」』）".indexOf(text.charAt(j)) >= 0) j++;
        if (j < text.length) out.push(j);
      }
    }
    return out;
  }

  /* level 0: paragraph ends (any character, for a jump); 1: sentence ends of the first paragraph too; 2: its clause
     ends too (the editor's last resort) */
  function cutPoints(texts, mode, level) {
    var pts = [];
    for (var p = 0; p < texts.length; p++) {
      var t = texts[p];
      if (mode === "jump") {
        for (var k = 8; k <= t.length - 8; k++) {
          if (PUNCT.indexOf(t.charAt(k)) < 0 && PUNCT.indexOf(t.charAt(k - 1)) < 0) pts.push([p, k]);
        }
      } else if (p === 0 && level > 0) {
        var ends = sentenceEnds(t, level > 1 ? "。！？，；：" : "。！？");
        for (var e = 0; e < ends.length; e++) pts.push([p, ends[e]]);
      }
      pts.push([p, t.length]);
    }
    return pts;
  }

  function Story(flow) {
    this.flow = flow;
    this.cols = Array.prototype.slice.call(flow.querySelectorAll(".col"));
    this.items = Array.prototype.slice.call(flow.querySelector(".src").childNodes).filter(function (n) {
      return n.nodeType === 1;
    });
    this.runin = flow.getAttribute("data-runin") || "";
    this.texts = [];
    this.paraAt = [];
    for (var i = 0; i < this.items.length; i++) {
      if (this.items[i].className.indexOf("para") >= 0) {
        this.paraAt.push(i);
        this.texts.push(this.items[i].querySelector(".txt").textContent);
      }
    }
  }

  Story.prototype.fragment = function (item, text, first, withMarker) {
    var el = item.cloneNode(true);
    el.querySelector(".txt").textContent = text;
    if (!first) {
      el.style.textIndent = "0";
      el.style.marginTop = "0";
      el.className = el.className.replace("drop", "");
      var head = el.querySelector(".runin");
      if (head) head.parentNode.removeChild(head);
    }
    if (withMarker) {
      var mark = document.createElement("span");
      mark.className = "marker";
      mark.textContent = this.runin;
      el.appendChild(mark);
    }
    return el;
  };

  /* Lay the story out up to cut [paragraph, offset]; returns the placed pieces, or null when it does not fit. */
  Story.prototype.layout = function (cut) {
    var cols = this.cols;
    for (var c = 0; c < cols.length; c++) cols[c].innerHTML = "";
    var queue = [];
    var lastPara = this.paraAt[cut[0]];
    for (var i = 0; i < this.items.length; i++) {
      var it = this.items[i];
      var isPara = it.className.indexOf("para") >= 0;
      var isTrailer = it.className.indexOf("trailer") >= 0;
      if (isPara) {
        var p = this.paraAt.indexOf(i);
        if (p > cut[0]) continue;
        var text = p === cut[0] ? this.texts[p].substring(0, cut[1]) : this.texts[p];
        queue.push({ item: it, text: text, para: p, marker: this.runin && i === lastPara });
      } else if (i < lastPara || isTrailer) {
        queue.push({ item: it, text: null });
      }
    }
    var placed = [];
    var col = 0;
    for (var q = 0; q < queue.length; q++) {
      var entry = queue[q];
      var start = 0;
      var first = true;
      while (true) {
        if (col >= cols.length) return null;
        var box = cols[col];
        if (entry.text === null) {
          var atom = entry.item.cloneNode(true);
          box.appendChild(atom);
          if (fitsBox(box)) { placed.push({ el: atom, entry: entry }); break; }
          box.removeChild(atom);
          if (!box.firstChild) return null;
          col++;
          continue;
        }
        var rest = entry.text.substring(start);
        var frag = this.fragment(entry.item, rest, first, entry.marker);
        box.appendChild(frag);
        if (fitsBox(box)) { placed.push({ el: frag, entry: entry, text: rest }); break; }
        box.removeChild(frag);
        var lo = 0, hi = rest.length; // rest[0:lo] fits, rest[0:hi] does not
        while (hi - lo > 1) {
          var mid = (lo + hi) >> 1;
          frag = this.fragment(entry.item, rest.substring(0, mid), first, false);
          box.appendChild(frag);
          var ok = fitsBox(box);
          box.removeChild(frag);
          if (ok) lo = mid; else hi = mid;
        }
        while (lo > 1 && PUNCT.indexOf(rest.charAt(lo)) >= 0) lo--; // no column opens with punctuation
        if (lo >= 2) {
          frag = this.fragment(entry.item, rest.substring(0, lo), first, false);
          frag.className += " split";
          box.appendChild(frag);
          placed.push({ el: frag, entry: entry, text: rest.substring(0, lo) });
          start += lo;
          first = false;
        }
        col++;
      }
    }
    return placed;
  };

  /* Fit the story; returns {cut, placed} or null. */
  Story.prototype.fit = function (mode) {
    if (!this.texts.length) return { cut: [0, 0], placed: this.layout([0, 0]) || [] };
    var pts = cutPoints(this.texts, mode, 0);
    var all = pts[pts.length - 1];
    var placed = mode === "jump" ? null : this.layout(all);
    if (placed) return { cut: all, placed: placed };
    var lo = -1, hi = pts.length - 1;
    if (mode === "jump" && this.layout(all)) {
      hi = Math.floor(pts.length * 0.7); // it all fits: the editor cuts anyway
      if (this.layout(pts[hi])) return { cut: pts[hi], placed: this.layout(pts[hi]) };
    }
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (this.layout(pts[mid])) lo = mid; else hi = mid;
    }
    for (var level = 1; lo < 0 && mode !== "jump" && level <= 2; level++) {
      pts = cutPoints(this.texts, mode, level);
      lo = -1;
      hi = pts.length - 1;
      while (hi - lo > 1) {
        var m2 = (lo + hi) >> 1;
        if (this.layout(pts[m2])) lo = m2; else hi = m2;
      }
    }
    if (lo < 0) return null;
    return { cut: pts[lo], placed: this.layout(pts[lo]) };
  };

  function sizeColumns(module) {
    var head = module.querySelector(".head.top");
    var flow = module.querySelector(".flow");
    if (!head) return flow;
    var mb = module.getBoundingClientRect();
    var hb = head.getBoundingClientRect();
    var top = hb.bottom - mb.top + parseFloat(flow.getAttribute("data-gap"));
    var bottom = mb.height - parseFloat(module.getAttribute("data-pad"));
    var cols = flow.querySelectorAll(".col, .rule");
    for (var i = 0; i < cols.length; i++) {
      cols[i].style.top = top + "px";
      cols[i].style.height = Math.max(0, bottom - top) + "px";
    }
    return flow;
  }

  var rests = {};
  var pieces = { 1: [], 2: [] };

  function report(page, module, placed, contFirst) {
    var key = module.getAttribute("data-key");
    var heads = module.querySelectorAll(".head [data-role]");
    for (var h = 0; h < heads.length; h++) {
      pieces[page].push({ page: page, key: key, role: heads[h].getAttribute("data-role"),
        text: heads[h].querySelector(".txt").textContent, continues: false });
    }
    var last = null;
    for (var i = 0; i < placed.length; i++) {
      var pl = placed[i];
      var role = pl.entry.item.getAttribute("data-role");
      if (!role) continue;
      var text = pl.text !== undefined ? pl.text : pl.el.querySelector(".txt").textContent;
      if (last && last.src === pl.entry) { last.piece.text += text; continue; }
      var piece = { page: page, key: pl.entry.item.getAttribute("data-key") || key, role: role, text: text,
        continues: !!(contFirst && pl.entry.para === 0) };
      pieces[page].push(piece);
      last = { src: pl.entry, piece: piece };
    }
  }

  function fitPage(page) {
    var modules = document.querySelectorAll(".page[data-page='" + page + "'] .module");
    for (var i = 0; i < modules.length; i++) {
      var m = modules[i];
      var key = m.getAttribute("data-key");
      var contOf = m.getAttribute("data-cont");
      var flow = sizeColumns(m);
      var contFirst = false;
      if (contOf) {
        var rest = rests[contOf];
        if (!rest) { failures.push("no rest for " + key); continue; }
        var src = flow.querySelector(".src");
        var proto = src.querySelector(".para");
        for (var r = 0; r < rest.length; r++) {
          var p = proto.cloneNode(true);
          p.querySelector(".txt").textContent = rest[r];
          if (r === 0 && rest.cont) { p.style.textIndent = "0"; contFirst = true; }
          src.insertBefore(p, proto);
        }
        src.removeChild(proto);
      }
      var story = new Story(flow);
      var mode = m.getAttribute("data-mode");
      var done = story.fit(mode);
      if (!done || !done.placed) { // the editor drops the photo and tries again
        var atoms = flow.querySelectorAll(".src .atom");
        for (var a = 0; a < atoms.length; a++) atoms[a].parentNode.removeChild(atoms[a]);
        story = new Story(flow);
        done = story.fit(mode);
      }
      if (!done || !done.placed) { failures.push("nothing fits in " + key); continue; }
      if (mode === "jump") {
        var cut = done.cut, full = story.texts, texts = [];
        if (cut[1] < full[cut[0]].length) { texts.push(full[cut[0]].substring(cut[1])); texts.cont = true; }
        for (var q = cut[0] + 1; q < full.length; q++) texts.push(full[q]);
        if (!texts.length) failures.push("jump of " + key + " left nothing to continue");
        rests[key] = texts;
      }
      report(page, m, done.placed, contFirst);
    }
  }

  try {
    fitPage(1);
    fitPage(2);
    var cols = document.querySelectorAll(".col");
    for (var c = 0; c < cols.length; c++) if (!fitsBox(cols[c])) failures.push("a column overflows after fitting");
    var all = pieces[1].concat(pieces[2]);
    for (var n = 0; n < all.length; n++) console.log("GOLD " + encodeURIComponent(JSON.stringify(all[n])));
  } catch (e) {
    failures.push("script error: " + e);
  }
  for (var f = 0; f < failures.length; f++) console.log("FAIL " + encodeURIComponent(failures[f]));
  console.log("DONE");
})();
