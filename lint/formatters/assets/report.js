(function () {
  "use strict";
  var info = {};
  document.querySelectorAll("li.entry[data-f]").forEach(function (entry) {
    info[entry.dataset.f] = { cat: entry.dataset.cat, sev: entry.dataset.sev };
  });
  var rank = { error: 3, warning: 2, info: 1 };
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));

  function hiddenSets() {
    var hidden = { cat: {}, sev: {} };
    boxes.forEach(function (box) { if (!box.checked) { hidden[box.dataset.filter][box.value] = true; } });
    return hidden;
  }

  function applyFilters() {
    var hidden = hiddenSets();
    function isHidden(d) { return !!(hidden.cat[d.cat] || hidden.sev[d.sev]); }
    document.querySelectorAll(".entry[data-f], a[data-f]").forEach(function (el) {
      el.hidden = isHidden(el.dataset);
    });
    marks.forEach(function (mark) {
      var lead = null;
      var shown = 0;
      mark.dataset.f.split(" ").forEach(function (id) {
        var d = info[id];
        if (!d || isHidden(d)) { return; }
        shown += 1;
        if (!lead || rank[d.sev] > rank[lead.sev]) { lead = d; }
      });
      var keep = mark.className.split(" ").filter(function (c) {
        return c === "hl" || c === "empty";
      });
      if (lead) {
        keep.push("cat-" + lead.cat, "sev-" + lead.sev);
        if (shown > 1) { keep.push("multi"); }
      } else {
        keep.push("off");
      }
      mark.className = keep.join(" ");
      mark.tabIndex = lead ? 0 : -1;
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", applyFilters); });

  function place(mark) {
    var tip = mark.nextElementSibling;
    if (!tip || !tip.classList.contains("tip")) { return; }
    tip.classList.remove("dismissed");
    var r = mark.getBoundingClientRect();
    var width = tip.offsetWidth || 300;
    var room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, room - width - 8));
    var height = tip.offsetHeight;
    // Below the highlight, unless that runs off the window and there is room above.
    var top = r.bottom + 2;
    if (top + height > window.innerHeight && r.top - height - 2 > 0) { top = r.top - height - 2; }
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }
  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest && e.target.closest("mark.hl");
    if (mark) { place(mark); }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark.hl")) { place(e.target); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    document.querySelectorAll(".tip").forEach(function (tip) { tip.classList.add("dismissed"); });
  });

  function reveal(target) {
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }
  function goTo(id) {
    var target = id && document.getElementById(id);
    if (!target) { return false; }
    reveal(target);
    target.scrollIntoView({ block: "center" });
    if (target.tabIndex >= 0) { target.focus({ preventScroll: true }); }
    return true;
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[href^='#']");
    if (!link) { return; }
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (goTo(id)) {
      e.preventDefault();
      history.replaceState(null, "", "#" + id);
    }
  });
  if (location.hash) { goTo(decodeURIComponent(location.hash.slice(1))); }

  document.querySelectorAll("button[data-details]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.dataset.details === "open";
      document.querySelectorAll("details.article").forEach(function (d) { d.open = open; });
    });
  });

  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    closedForPrint = Array.prototype.slice.call(document.querySelectorAll("details.article:not([open])"));
    closedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (d) { d.open = false; });
    closedForPrint = [];
  });
  applyFilters();
})();
