// Portolan docs site: zoom and pan of the diagram, and the links between the connections table
// and the diagram. No dependencies.
// Rows carry data-edge="conn-N"; the diagram's edges carry id="conn-N" (Graphviz SVG).
(function () {
  "use strict";
  var figure = document.getElementById("diagram-figure");
  var svg = figure ? figure.querySelector("svg") : null;
  var viewer = svg ? makeViewer(figure, svg) : null;
  if (svg && svg.querySelector("g#diagram-landscape")) landscapeLinks(svg);
  var table = document.getElementById("connections-table");
  if (!table || !figure) return;

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
    edge.addEventListener("click", function (event) { event.preventDefault(); goToRow(id, false); });
    edge.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); goToRow(id, false); }
    });
  });

  rows.forEach(function (row) {
    var id = row.getAttribute("data-edge");
    row.addEventListener("mousemove", enter(id));
    row.addEventListener("mouseleave", leave(id));
    row.addEventListener("focusin", function () { focused = id; refresh(); });
    row.addEventListener("focusout", function () { focused = null; refresh(); });
    // The row's number: show its line in the diagram, keeping the row in sight.
    var link = row.querySelector("a.conn-link");
    if (link) link.addEventListener("click", function (event) { event.preventDefault(); goToRow(id, true); });
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

  // The part of the window the pinned diagram leaves for the table: below it once it sticks to
  // the top (the table is below the diagram, so scrolling to a row always pins it).
  function freeTop() {
    var section = figure.parentElement;
    if (!section || getComputedStyle(section).position !== "sticky") return 0;
    var height = section.getBoundingClientRect().height;
    return height < window.innerHeight ? height : 0;
  }

  // Scrolls the page as little as needed for the row to sit in the window below the diagram.
  function showRow(row) {
    var top = freeTop();
    var rect = row.getBoundingClientRect();
    var room = window.innerHeight - top;
    if (rect.top >= top + 4 && rect.bottom <= window.innerHeight - 4) return;
    window.scrollBy(0, rect.top - top - Math.max(8, (room - rect.height) / 3));
  }

  // fromTable: the row's number was clicked (the diagram moves to the line); else the line was
  // clicked (the page moves to the row).
  function goToRow(id, fromTable) {
    var row = rowByEdge[id];
    if (!row) return;
    if (row.hidden) { filter.value = ""; applyFilter(); }
    pin(id);
    if (history.replaceState) history.replaceState(null, "", "#" + id);
    if (fromTable && viewer && edgeById[id]) viewer.show(edgeById[id]);
    showRow(row);
    var link = row.querySelector("a.conn-link");
    if (link && !fromTable) link.focus({ preventScroll: true });
  }

  // #conn-N: the edge and its row open highlighted, both in sight.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (rowByEdge[id]) {
      var row = rowByEdge[id];
      if (row.hidden) { filter.value = ""; applyFilter(); }
      pin(id);
      if (viewer && edgeById[id]) viewer.show(edgeById[id]);
      showRow(row);
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

  if (location.hash) setTimeout(fromHash, 0);

  // Zoom and pan by the SVG's viewBox: the mouse wheel and a pinch zoom about the pointer,
  // dragging pans, + − 0 and the arrow keys work on the focused figure, the buttons likewise.
  function makeViewer(figure, svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || !box.width) return null;
    var base = { x: box.x, y: box.y, w: box.width, h: box.height };
    var view = { x: base.x, y: base.y, w: base.w, h: base.h };
    var tools = document.getElementById("zoom-tools");
    if (tools) tools.hidden = false;
    figure.classList.add("zoomable");
    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return Math.round(v * 100) / 100; }).join(" "));
      figure.setAttribute("data-zoom", (base.w / view.w).toFixed(2));
    }
    function toSvg(clientX, clientY) {
      var matrix = svg.getScreenCTM();
      if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      var point = svg.createSVGPoint();
      point.x = clientX; point.y = clientY;
      return point.matrixTransform(matrix.inverse());
    }
    function zoomAt(factor, at) {
      var w = Math.min(base.w * 2, Math.max(base.w / 40, view.w / factor));
      factor = view.w / w;
      view.x = at.x - (at.x - view.x) / factor;
      view.y = at.y - (at.y - view.y) / factor;
      view.w = w;
      view.h = view.h / factor;
      apply();
    }
    function centre() { return { x: view.x + view.w / 2, y: view.y + view.h / 2 }; }
    function pan(dx, dy) { view.x += dx; view.y += dy; apply(); }
    function reset() { view = { x: base.x, y: base.y, w: base.w, h: base.h }; apply(); }

    figure.addEventListener("wheel", function (event) {
      if (native()) return;
      event.preventDefault();
      var delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      zoomAt(Math.exp(-delta * 0.0015), toSvg(event.clientX, event.clientY));
    }, { passive: false });

    var pointers = {};
    var dragged = 0;
    var pinch = null;
    function count() { return Object.keys(pointers).length; }
    figure.addEventListener("pointerdown", function (event) {
      if (native() || (event.button !== undefined && event.button !== 0)) return;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      dragged = count() > 1 ? dragged : 0;
      pinch = null;
    });
    figure.addEventListener("pointermove", function (event) {
      var last = pointers[event.pointerId];
      if (!last) return;
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        var a = toSvg(last.x, last.y);
        var b = toSvg(event.clientX, event.clientY);
        dragged += Math.abs(event.clientX - last.x) + Math.abs(event.clientY - last.y);
        if (dragged > 4) {
          if (figure.setPointerCapture && !figure.hasPointerCapture(event.pointerId)) figure.setPointerCapture(event.pointerId);
          pan(a.x - b.x, a.y - b.y);
        }
      } else if (ids.length === 2) {
        pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
        var p = pointers[ids[0]], q = pointers[ids[1]];
        var distance = Math.hypot(p.x - q.x, p.y - q.y);
        if (pinch) zoomAt(distance / pinch, toSvg((p.x + q.x) / 2, (p.y + q.y) / 2));
        pinch = distance;
        dragged = 100;
        return;
      }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    });
    function up(event) { delete pointers[event.pointerId]; pinch = null; }
    figure.addEventListener("pointerup", up);
    figure.addEventListener("pointercancel", up);
    // A drag is not a click on what it started on.
    figure.addEventListener("click", function (event) {
      if (dragged > 4) { event.stopPropagation(); event.preventDefault(); dragged = 0; }
    }, true);

    figure.addEventListener("keydown", function (event) {
      if (event.target !== figure) return;
      var step = 0.1;
      var keys = {
        "+": function () { zoomAt(1.25, centre()); }, "=": function () { zoomAt(1.25, centre()); },
        "-": function () { zoomAt(0.8, centre()); }, "_": function () { zoomAt(0.8, centre()); },
        "0": reset,
        "ArrowLeft": function () { pan(-view.w * step, 0); }, "ArrowRight": function () { pan(view.w * step, 0); },
        "ArrowUp": function () { pan(0, -view.h * step); }, "ArrowDown": function () { pan(0, view.h * step); },
      };
      if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
    });
    function button(id, action) {
      var element = document.getElementById(id);
      if (element) element.addEventListener("click", action);
    }
    button("zoom-in", function () { zoomAt(1.25, centre()); });
    button("zoom-out", function () { zoomAt(0.8, centre()); });
    button("zoom-reset", reset);
    // Full size: the drawing at 100 % in a scrolling figure (no zoom or pan), or fitted again.
    var full = document.getElementById("zoom");
    if (full) full.addEventListener("click", function () {
      reset();
      var on = figure.classList.toggle("full-size");
      full.setAttribute("aria-pressed", on ? "true" : "false");
      full.textContent = on ? "Fit to the page" : "Show at full size";
    });
    function native() { return figure.classList.contains("full-size"); }

    // Brings an element of the drawing into the middle of the view, zooming in so that it is
    // readable (at least as large as at 100 %) when the whole drawing is shown smaller.
    function show(element) {
      // An edge's number badge is what the reader looks for: centred on it when it has one.
      element = element.querySelector("g[id$='-label']") || element;
      if (native()) { element.scrollIntoView({ block: "nearest", inline: "center" }); return; }
      var box = element.getBBox();
      var toRoot = svg.getScreenCTM().inverse().multiply(element.getScreenCTM());
      var corners = [[box.x, box.y], [box.x + box.width, box.y + box.height]].map(function (c) {
        var point = svg.createSVGPoint();
        point.x = c[0]; point.y = c[1];
        return point.matrixTransform(toRoot);
      });
      var x0 = Math.min(corners[0].x, corners[1].x), x1 = Math.max(corners[0].x, corners[1].x);
      var y0 = Math.min(corners[0].y, corners[1].y), y1 = Math.max(corners[0].y, corners[1].y);
      var rect = svg.getBoundingClientRect();
      // User units (points) per screen pixel now, as the drawing is fitted into the figure; at
      // 100 % a point is 4/3 of a pixel.
      var scale = Math.max(view.w / Math.max(1, rect.width), view.h / Math.max(1, rect.height));
      var natural = 0.75;
      var factor = scale > natural ? scale / natural : 1;
      var w = Math.max(view.w / factor, Math.min(base.w, (x1 - x0) * 3));
      factor = view.w / w;
      var h = view.h / factor;
      view = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w: w, h: h };
      apply();
    }
    apply();
    return { show: show, reset: reset, zoomAt: zoomAt };
  }

  // The landscape: a product's box or a line it owns opens the product's page.
  function landscapeLinks(svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("g.landscape.product, g.landscape-link"), function (element) {
      var slug = null;
      if (element.id.indexOf("land-") === 0 && element.classList.contains("product")) slug = element.id.slice(5);
      element.classList.forEach(function (name) { if (name.indexOf("product-") === 0) slug = name.slice(8); });
      if (!slug) return;
      var href = slug + "/index.html";
      element.setAttribute("tabindex", "0");
      element.setAttribute("role", "link");
      element.classList.add("is-link");
      element.addEventListener("click", function () { location.href = href; });
      element.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); location.href = href; }
      });
    });
  }
})();
