// Portolan docs site: links the connections table and the diagram. No dependencies.
// Rows carry data-edge="conn-N"; the diagram's edges carry id="conn-N" (Graphviz SVG).
(function () {
  "use strict";
  var table = document.getElementById("connections-table");
  var figure = document.getElementById("diagram-figure");
  if (!table || !figure) return;
  var svg = figure.querySelector("svg");
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-edge]"));
  var rowByEdge = {};
  var edgeById = {};
  // What is highlighted: the row or edge under the pointer, else the focused one, else the
  // connection the address names (#conn-N) or the last one clicked.
  var hovered = null;
  var focused = null;
  var pinned = null;
  function refresh() { highlight(hovered || focused || pinned); }

  // When the page scrolls under a still pointer, the browser reports the pointer entering
  // whatever is now under it; only a pointer that moved counts as pointing (so it is followed
  // by mousemove, which bubbles to the document listener after the row's or edge's own).
  var lastX = null;
  var lastY = null;
  document.addEventListener("mousemove", function (event) { lastX = event.clientX; lastY = event.clientY; });
  function pointerMoved(event) { return event.clientX !== lastX || event.clientY !== lastY; }
  function enter(id) { return function (event) { if (hovered !== id && pointerMoved(event)) { hovered = id; refresh(); } }; }
  function leave(id) { return function () { if (hovered === id) { hovered = null; refresh(); } }; }

  rows.forEach(function (row) {
    var id = row.getAttribute("data-edge");
    rowByEdge[id] = row;
    var edge = document.getElementById(id);
    if (edge && edge.classList.contains("connection")) edgeById[id] = edge;
  });

  function edgeLabel(row) {
    var cells = row.querySelectorAll("td");
    var parts = [];
    for (var i = 0; i < cells.length; i++) parts.push(cells[i].textContent.trim());
    return "Connection " + parts.join(", ") + ". Press Enter to go to its row.";
  }

  // Edges take focus and answer the keyboard.
  Object.keys(edgeById).forEach(function (id) {
    var edge = edgeById[id];
    var row = rowByEdge[id];
    edge.setAttribute("tabindex", "0");
    edge.setAttribute("role", "link");
    edge.setAttribute("aria-label", edgeLabel(row));
    edge.addEventListener("mousemove", enter(id));
    edge.addEventListener("mouseleave", leave(id));
    edge.addEventListener("focus", function () { focused = id; refresh(); });
    edge.addEventListener("blur", function () { focused = null; refresh(); });
    edge.addEventListener("click", function (event) { event.preventDefault(); goToRow(id); });
    edge.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); goToRow(id); }
    });
  });

  rows.forEach(function (row) {
    var id = row.getAttribute("data-edge");
    row.addEventListener("mousemove", enter(id));
    row.addEventListener("mouseleave", leave(id));
    row.addEventListener("focusin", function () { focused = id; refresh(); });
    row.addEventListener("focusout", function () { focused = null; refresh(); });
  });

  var current = null;
  function highlight(id) {
    if (current === id) return;
    if (current) {
      if (edgeById[current]) edgeById[current].classList.remove("is-active");
      if (rowByEdge[current]) rowByEdge[current].classList.remove("is-active");
    }
    current = id && rowByEdge[id] ? id : null;
    if (current) {
      if (edgeById[current]) edgeById[current].classList.add("is-active");
      rowByEdge[current].classList.add("is-active");
    }
    if (svg) svg.classList.toggle("has-active", !!current);
  }

  function pin(id) {
    pinned = id && rowByEdge[id] ? id : null;
    hovered = null;
    refresh();
  }

  function goToRow(id) {
    var row = rowByEdge[id];
    if (!row) return;
    if (row.hidden) { filter.value = ""; applyFilter(); }
    pin(id);
    if (history.replaceState) history.replaceState(null, "", "#" + id);
    row.scrollIntoView({ block: "center" });
    var link = row.querySelector("a");
    if (link) link.focus({ preventScroll: true });
  }

  // #conn-N: the browser scrolls to the edge; the edge and its row open highlighted.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (rowByEdge[id]) {
      var row = rowByEdge[id];
      if (row.hidden) { filter.value = ""; applyFilter(); }
      pin(id);
    }
  }
  window.addEventListener("hashchange", fromHash);

  // The filter: every word must appear in the row (names, protocol, port, classification, data).
  var filter = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("filter-empty");
  var texts = rows.map(function (row) { return row.textContent.toLowerCase().replace(/\s+/g, " "); });
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, index) {
      var match = words.every(function (word) { return texts[index].indexOf(word) >= 0; });
      row.hidden = !match;
      var edge = edgeById[row.getAttribute("data-edge")];
      if (edge) edge.classList.toggle("is-dimmed", !match);
      if (match) shown++;
    });
    count.textContent = words.length ? shown + " of " + rows.length + " connections match" : rows.length + " connections";
    empty.hidden = shown > 0;
  }
  if (filter) {
    filter.addEventListener("input", applyFilter);
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { filter.value = ""; applyFilter(); }
    });
    if (filter.value) applyFilter();
  }

  // Fit to the page, or the drawing's own size (for large diagrams).
  var zoom = document.getElementById("zoom");
  if (zoom && svg) {
    zoom.hidden = false;
    zoom.addEventListener("click", function () {
      var full = figure.classList.toggle("full-size");
      zoom.setAttribute("aria-pressed", full ? "true" : "false");
      zoom.textContent = full ? "Fit to the page" : "Show at full size";
    });
  }

  fromHash();
})();
