// Draws the efficiency page's charts from the page's JSON data block #efficiency-chart-data. Without
// JavaScript, or without services, the chart area stays hidden and the tables say everything.
// Tooltips are drawn on the canvas (renderMode 'richText'): ECharts' HTML tooltips carry style attributes, which the
// Content-Security-Policy refuses.
(function () {
  var source = document.getElementById('efficiency-chart-data');
  var data = source ? JSON.parse(source.textContent) : null;
  var box = document.getElementById('efficiency-charts');
  if (!box || !window.echarts || !data || !data.services || data.services.length === 0) {
    return;
  }
  box.hidden = false;
  var axisLabel = { interval: 0, rotate: data.services.length > 3 ? 20 : 0, width: 120, overflow: 'truncate' };
  var grid = { left: 8, right: 16, top: 48, bottom: 8, containLabel: true };
  var time = echarts.init(document.getElementById('efficiency-time-chart'));
  time.setOption({
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: data.services, axisLabel: axisLabel },
    yAxis: { type: 'value', min: 0, name: data.daysAxis },
    series: data.time.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
  });
  var monthly = echarts.init(document.getElementById('efficiency-month-chart'));
  monthly.setOption({
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', min: 0, name: data.daysAxis },
    series: data.monthly.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
  });
  window.addEventListener('resize', function () { time.resize(); monthly.resize(); });
})();
