// Draws the comments per article of a draft (/legislation/figures/drafts/{id}) from the JSON the page carries in
// <script type="application/json" id="legislation-figures-data">. Without JavaScript the table says everything.
(function () {
  var source = document.getElementById('legislation-figures-data');
  var box = document.getElementById('legislation-charts');
  if (!source || !box || !window.echarts) {
    return;
  }
  var data;
  try {
    data = JSON.parse(source.textContent);
  } catch (e) {
    return;
  }
  box.hidden = false;
  var chart = echarts.init(document.getElementById('chart-articles'));
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: data.seriesName, type: 'bar', data: data.counts }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
