// The dyad timeline: events per period stacked by quad class (bars) and the mean PLOVER score (line).
// Data come from the page's JSON block; nothing is fetched.
(function () {
  "use strict";
  var holder = document.getElementById("timeline");
  var block = document.getElementById("timeline-data");
  if (!holder || !block || typeof vegaEmbed === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  if (!data.rows.length) { holder.textContent = "No dated events to draw."; return; }
  var means = [];
  var seen = {};
  data.rows.forEach(function (r) {
    if (!seen[r.period]) { seen[r.period] = true; if (r.mean_score !== null) { means.push({period: r.period, mean_score: r.mean_score, total: r.total}); } }
  });
  var order = Object.keys(seen);
  var x = {field: "period", type: "ordinal", sort: order, title: data.by, axis: {labelAngle: -45}};
  var spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container", height: 260,
    layer: [
      {data: {values: data.rows}, mark: {type: "bar", tooltip: true},
       encoding: {x: x, y: {field: "events", type: "quantitative", stack: "zero", title: "events"},
                  color: {field: "quad", type: "nominal", title: "quad class",
                          scale: {domain: ["1 Verbal cooperation", "2 Material cooperation", "3 Verbal conflict", "4 Material conflict"],
                                  range: ["#7fbf7b", "#1b7837", "#f4a582", "#b2182b"]}},
                  order: {field: "quad"},
                  tooltip: [{field: "period"}, {field: "quad"}, {field: "events"}]}},
      {data: {values: means}, mark: {type: "line", point: true, color: "#333", tooltip: true},
       encoding: {x: x, y: {field: "mean_score", type: "quantitative", title: "mean PLOVER score", scale: {domain: [-10, 10]}},
                  tooltip: [{field: "period"}, {field: "mean_score", title: "mean score"}, {field: "total", title: "events"}]}}
    ],
    resolve: {scale: {y: "independent"}}
  };
  vegaEmbed(holder, spec, {actions: false, renderer: "svg"}).then(function (result) {
    window.communiqueTimeline = result.view;
    // a click on a month's (or a year's) bar lists that period's events: the page's own filters, narrowed
    if (data.by === "month" || data.by === "year") {
      result.view.addEventListener("click", function (event, item) {
        var period = item && item.datum && item.datum.period;
        if (!period) { return; }
        var url = new URL(window.location.href);
        url.searchParams.set("since", period);
        url.searchParams.set("until", period);
        url.searchParams.delete("page");
        url.hash = "events";
        window.location.href = url.toString();
      });
    }
    holder.setAttribute("data-drawn", "true");
  }).catch(function (err) { holder.textContent = "The chart could not be drawn: " + err; });
})();
