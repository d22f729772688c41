// A country's partner network with cytoscape.js: the country at the centre, partners around it,
// edges coloured by net cooperation and sized by events. Clicking a partner opens the dyad page.
(function () {
  "use strict";
  var holder = document.getElementById("network");
  var block = document.getElementById("network-data");
  if (!holder || !block || typeof cytoscape === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  if (data.elements.length <= 1) { holder.textContent = "No partners in this period."; return; }
  var cy = cytoscape({
    container: holder,
    elements: data.elements,
    style: [
      {selector: "node", style: {"label": "data(label)", "width": "data(size)", "height": "data(size)",
                                 "background-color": "#4a6fa5", "font-size": 11, "color": "#222",
                                 "text-valign": "bottom", "text-margin-y": 4}},
      {selector: "node[?center]", style: {"background-color": "#1f3b63", "font-weight": "bold"}},
      {selector: "edge", style: {"line-color": "data(colour)", "width": "data(width)", "opacity": 0.8,
                                 "curve-style": "bezier"}}
    ],
    layout: {name: "concentric", concentric: function (n) { return n.data("center") ? 2 : 1; },
             levelWidth: function () { return 1; }, minNodeSpacing: 30, animate: false},
    wheelSensitivity: 0.3
  });
  cy.on("tap", "node", function (evt) {
    var id = evt.target.id();
    if (id !== data.center) { window.location.href = "/dyad/" + encodeURIComponent(data.center) + "/" + encodeURIComponent(id); }
  });
  window.communiqueNetwork = cy;
  holder.setAttribute("data-drawn", "true");
})();
