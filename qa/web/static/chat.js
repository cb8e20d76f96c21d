// The chat page: asks /api/ask and renders each turn with DOM nodes only.
// Document text is only ever set through textContent, so nothing in the record can run or render as markup.
(function () {
  "use strict";

  var form = document.getElementById("ask");
  var box = document.getElementById("q");
  var button = document.getElementById("ask-button");
  var conversation = document.getElementById("conversation");
  var turn = 0;
  var STOP = new Set(("a an and are as at be been by can did do does for from had has have how i in is it its " +
    "of on or our that the their them there they this to was were what when where which who why will with " +
    "about any into over than then these those you your we us me my much many").split(" "));

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function stem(word) {
    // Crude, on purpose: only used to decide which words to highlight.
    return word.replace(/(ings?|ed|es|s|ly)$/, "") || word;
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function highlighter(question) {
    var words = (question.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
      .filter(function (w) { return !STOP.has(w) && (w.length >= 3 || /\d/.test(w)); })
      .map(function (w) { return escapeRegExp(w.length > 4 ? stem(w) : w); });
    if (!words.length) return null;
    words.sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?<![\\p{L}\\p{N}])(" + words.join("|") + ")[\\p{L}\\p{N}]*", "giu");
  }

  // Appends text to parent, wrapping matches of re in <mark>; all via text nodes.
  function appendHighlighted(parent, text, re) {
    if (!re) { parent.appendChild(document.createTextNode(text)); return; }
    var last = 0;
    text.replace(re, function (match) {
      var offset = arguments[arguments.length - 2];
      if (offset > last) parent.appendChild(document.createTextNode(text.slice(last, offset)));
      parent.appendChild(el("mark", null, match));
      last = offset + match.length;
      return match;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function cardId(t, rank) { return "t" + t + "-p" + rank; }

  function markerLink(t, n) {
    var a = el("a", "marker", "[" + n + "]");
    a.href = "#" + cardId(t, n);
    a.setAttribute("aria-label", "passage " + n);
    a.addEventListener("click", function (ev) {
      var card = document.getElementById(cardId(t, n));
      if (!card) return;
      ev.preventDefault();
      card.scrollIntoView({ block: "center" });
      card.focus();
    });
    return a;
  }

  function renderAnswer(t, answer) {
    var p = el("p", "answer");
    var sentences = answer.sentences || [];
    if (!sentences.length) { p.textContent = answer.text; return p; }
    sentences.forEach(function (s, i) {
      if (i) p.appendChild(document.createTextNode(" "));
      p.appendChild(document.createTextNode(s.text + " "));
      p.appendChild(markerLink(t, s.passage));
    });
    return p;
  }

  // "Agreed" or "Proposed", and "Action" (with owner and due where known) for a decision.
  function decisionBadges(decision) {
    if (!decision || (decision.status !== "agreed" && decision.status !== "proposed")) {
      return [el("span", "badge", "Decision")];
    }
    var badges = [el("span", "badge status status-" + decision.status,
      decision.status === "agreed" ? "Agreed" : "Proposed")];
    if (decision.is_action) {
      var text = "Action" + (decision.owner ? ": " + decision.owner : "") + (decision.due ? ", by " + decision.due : "");
      badges.push(el("span", "badge action-badge", text));
    }
    return badges;
  }

  function renderCard(t, passage, re) {
    var c = passage.citation || {};
    var card = el("article", "card" + (passage.weak ? " weak" : "") + (passage.is_decision ? " decision" : ""));
    card.id = cardId(t, passage.rank);
    card.tabIndex = -1;
    var head = el("header", "card-head");
    head.appendChild(el("span", "rank", "[" + passage.rank + "]"));
    var link = el("a", "label", c.label || c.id);
    link.href = c.url;
    head.appendChild(link);
    if (c.date) {
      var time = el("time", "date", c.date);
      time.dateTime = c.date;
      head.appendChild(time);
    }
    if (passage.is_decision) decisionBadges(passage.decision).forEach(function (b) { head.appendChild(b); });
    if (passage.weak) head.appendChild(el("span", "badge weak-badge", "Weak match"));
    card.appendChild(head);
    var body = el("p", "card-text");
    appendHighlighted(body, passage.text || "", re);
    card.appendChild(body);
    return card;
  }

  function renderReply(t, section, reply) {
    var re = highlighter(reply.question || "");
    var passages = reply.passages || [];
    if (reply.answer) {
      section.appendChild(renderAnswer(t, reply.answer));
    } else {
      section.appendChild(el("p", "no-match", "The record has no good match for this question."));
      if (passages.length) section.appendChild(el("p", "weak-note", "The nearest passages are shown below as weak matches; they may not answer it."));
    }
    if (passages.length) {
      var list = el("div", "cards");
      passages.forEach(function (p) {
        if (!reply.answer) p = Object.assign({}, p, { weak: true });
        list.appendChild(renderCard(t, p, re));
      });
      section.appendChild(list);
    }
    var took = typeof reply.took_ms === "number" ? " in " + Math.round(reply.took_ms) + " ms" : "";
    section.appendChild(el("p", "took", passages.length + " passage" + (passages.length === 1 ? "" : "s") + took));
  }

  function filters() {
    var f = {};
    var body = form.elements.body.value;
    var kind = form.elements.kind.value;
    if (body) f.body = body;
    if (kind) f.kind = kind;
    if (form.elements.date_from.value) f.date_from = form.elements.date_from.value;
    if (form.elements.date_to.value) f.date_to = form.elements.date_to.value;
    if (form.elements.decisions_only.checked) f.decisions_only = true;
    return f;
  }

  // The conversation survives following a citation and coming back (same tab only).
  var STORE_KEY = "minutebook.conversation";
  var MAX_KEPT = 20;

  function loadKept() {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY) || "[]"); } catch (e) { return []; }
  }

  function keep(entry) {
    var kept = loadKept();
    kept.push(entry);
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(kept.slice(-MAX_KEPT))); } catch (e) { /* full or disabled */ }
    clearButton.hidden = false;
  }

  function startTurn(question) {
    turn += 1;
    var section = el("article", "turn");
    section.setAttribute("aria-label", "Question " + turn);
    section.appendChild(el("p", "question", question));
    conversation.appendChild(section);
    return { t: turn, section: section };
  }

  function finishTurn(current, entry) {
    if (entry.reply) renderReply(current.t, current.section, entry.reply);
    else current.section.appendChild(el("p", "error", "Could not answer: " + (entry.error || "unknown error")));
    current.section.classList.add("done");
  }

  function ask(question) {
    var current = startTurn(question);
    var status = el("p", "status", "Searching the record…");
    current.section.appendChild(status);
    current.section.scrollIntoView({ block: "nearest" });
    button.disabled = true;
    var payload = { question: question, filters: filters() };
    return fetch(form.getAttribute("action"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; },
        function () { return { ok: false, data: { error: { message: "the server sent an unreadable reply (" + resp.status + ")" } } }; });
    }).then(function (r) {
      var entry = r.ok ? { question: question, reply: r.data }
        : { question: question, error: (r.data.error || {}).message || "unknown error" };
      current.section.removeChild(status);
      finishTurn(current, entry);
      keep(entry);
    }, function () {
      current.section.removeChild(status);
      finishTurn(current, { question: question, error: "could not reach the server; try again" });
    }).then(function () {
      button.disabled = false;
    });
  }

  var clearButton = el("button", "secondary", "Clear conversation");
  clearButton.type = "button";
  clearButton.id = "clear";
  clearButton.hidden = true;
  clearButton.addEventListener("click", function () {
    try { sessionStorage.removeItem(STORE_KEY); } catch (e) { /* disabled */ }
    Array.prototype.slice.call(conversation.querySelectorAll(".turn")).forEach(function (n) { n.remove(); });
    clearButton.hidden = true;
    box.focus();
  });
  document.querySelector(".hint").appendChild(clearButton);

  loadKept().forEach(function (entry) {
    if (entry && typeof entry.question === "string") finishTurn(startTurn(entry.question), entry);
  });
  clearButton.hidden = turn === 0;

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var question = box.value.trim();
    if (!question || button.disabled) return;
    box.value = "";
    ask(question).then(function () { box.focus(); });
  });

  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
})();
