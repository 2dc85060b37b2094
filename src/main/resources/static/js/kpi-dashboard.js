// Draws the dashboard's charts from the page's JSON data block #kpi-chart-data. Without JavaScript, or
// without units to show, the chart area stays hidden and the table says everything.
// Tooltips are drawn on the canvas (renderMode 'richText'): ECharts' HTML tooltips carry style attributes, which the
// Content-Security-Policy refuses.
(function () {
  var source = document.getElementById('kpi-chart-data');
  var data = source ? JSON.parse(source.textContent) : null;
  var box = document.getElementById('kpi-charts');
  if (!box || !window.echarts || !data || !data.units || data.units.length === 0) {
    return;
  }
  box.hidden = false;
  var axisLabel = { interval: 0, rotate: data.units.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' };
  var grid = { left: 8, right: 16, top: 48, bottom: 8, containLabel: true };
  var rates = echarts.init(document.getElementById('kpi-rate-chart'));
  rates.setOption({
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: function (v) { return v == null ? '\u2014' : v.toFixed(1) + '%'; } },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: data.units, axisLabel: axisLabel },
    yAxis: { type: 'value', min: 0, max: 100, name: data.percentAxis },
    series: data.rates.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
  });
  var classes = echarts.init(document.getElementById('kpi-class-chart'));
  classes.setOption({
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: data.units, axisLabel: axisLabel },
    yAxis: { type: 'value', minInterval: 1, name: data.countAxis },
    series: data.classes.map(function (s) { return { name: s.name, type: 'bar', stack: 'classes', data: s.data }; })
  });
  window.addEventListener('resize', function () { rates.resize(); classes.resize(); });
})();
