// Draws the ranking page's charts from the page's JSON data block #performance-chart-data: composite
// scores, the chosen district's radar against the average, the chosen indicator across districts,
// and the trend of composite scores over the periods. Without JavaScript the area stays hidden and
// the tables say everything.
// Tooltips are drawn on the canvas (renderMode 'richText'): ECharts' HTML tooltips carry style attributes, which the
// Content-Security-Policy refuses.
(function () {
  var source = document.getElementById('performance-chart-data');
  var data = source ? JSON.parse(source.textContent) : null;
  var box = document.getElementById('performance-charts');
  if (!box || !window.echarts || !data || !data.districts || data.districts.length === 0) {
    return;
  }
  box.hidden = false;
  var charts = [];
  var axisLabel = { interval: 0, rotate: 30, width: 90, overflow: 'truncate' };
  var grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el);
    // a report, not a show: drawn at once (also what a screenshot or a printout catches)
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  }
  draw('chart-composite', {
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    grid: grid,
    xAxis: { type: 'category', data: data.districts, axisLabel: axisLabel },
    yAxis: { type: 'value', name: data.compositeName, nameTextStyle: { align: 'left' } },
    series: [{ name: data.compositeName, type: 'bar', data: data.composite, label: { show: true, position: 'top' } }]
  });
  if (data.radar && data.indicators.length < 3) {
    // a radar needs three axes; with one or two indicators the same comparison reads as bars
    draw('chart-radar', {
      tooltip: { renderMode: 'richText', trigger: 'axis' },
      legend: { top: 0 },
      grid: grid,
      xAxis: { type: 'category', data: data.indicators.map(function (i) { return i.name; }) },
      yAxis: { type: 'value', name: data.indexName, nameTextStyle: { align: 'left' } },
      series: [
        { name: data.radarName, type: 'bar', data: data.radar, label: { show: true, position: 'top' } },
        { name: data.averageName, type: 'bar', data: data.radarAverage, label: { show: true, position: 'top' } }
      ]
    });
  } else if (data.radar) {
    draw('chart-radar', {
      tooltip: { renderMode: 'richText' },
      legend: { top: 0 },
      radar: { indicator: data.indicators, radius: '60%', center: ['50%', '58%'], axisName: { fontSize: 10 } },
      series: [{ type: 'radar', data: [
        { name: data.radarName, value: data.radar, areaStyle: { opacity: 0.25 } },
        { name: data.averageName, value: data.radarAverage, lineStyle: { type: 'dashed' } }
      ] }]
    });
  }
  if (data.indicatorScores) {
    draw('chart-indicator', {
      tooltip: { renderMode: 'richText', trigger: 'axis' },
      grid: grid,
      xAxis: { type: 'category', data: data.indicatorDistricts, axisLabel: axisLabel },
      yAxis: { type: 'value', name: data.indexName, nameTextStyle: { align: 'left' } },
      series: [{ name: data.indicatorName, type: 'bar', data: data.indicatorScores }]
    });
  }
  draw('chart-trend', {
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.periods },
    yAxis: { type: 'value', name: data.compositeName, nameTextStyle: { align: 'left' }, scale: true },
    series: data.trend.map(function (s) { return { name: s.name, type: 'line', data: s.data, connectNulls: true }; })
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
