// Draws the network's figures page charts from the JSON the page carries in
// <script type="application/json" id="network-figures-data">: receptions, visitors and opinions per
// month; the busiest sites; the park rooms' enterprise matters and disputes; the activities' visitors
// and income. Without JavaScript the area stays hidden and the tables say everything.
(function () {
  var source = document.getElementById('network-figures-data');
  var box = document.getElementById('network-charts');
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
  var charts = [];
  var grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el);
    option.animation = false; // a report: drawn at once, also for a screenshot or a printout
    chart.setOption(option);
    charts.push(chart);
  }
  draw('chart-months', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.months },
    yAxis: [{ type: 'value', name: data.receptionsName }, { type: 'value', name: data.visitorsName }],
    series: [
      { name: data.receptionsName, type: 'bar', data: data.receptions },
      { name: data.opinionsName, type: 'bar', data: data.opinions },
      { name: data.visitorsName, type: 'line', yAxisIndex: 1, data: data.visitors }
    ]
  });
  var truncate = { width: 150, overflow: 'truncate' };
  draw('chart-busiest', {
    tooltip: { trigger: 'axis' },
    grid: grid,
    xAxis: { type: 'value', name: data.visitorsName },
    yAxis: { type: 'category', data: data.busiestSites.slice().reverse(), axisLabel: truncate },
    series: [{ name: data.visitorsName, type: 'bar', data: data.busiestVisitors.slice().reverse(),
      label: { show: true, position: 'right' } }]
  });
  draw('chart-parks', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: grid,
    xAxis: { type: 'category', data: data.parkSites, axisLabel: { interval: 0, rotate: 20, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value' },
    series: [
      { name: data.mattersOpenedName, type: 'bar', data: data.mattersOpened },
      { name: data.mattersSolvedName, type: 'bar', data: data.mattersSolved },
      { name: data.disputesClosedName, type: 'bar', data: data.disputesClosed },
      { name: data.disputesAgreedName, type: 'bar', data: data.disputesAgreed }
    ]
  });
  draw('chart-activities', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: data.activitySites, axisLabel: { interval: 0, rotate: 20, width: 110, overflow: 'truncate' } },
    yAxis: [{ type: 'value', name: data.activityVisitorsName }, { type: 'value', name: data.incomeName }],
    series: [
      { name: data.activityVisitorsName, type: 'bar', data: data.activityVisitors },
      { name: data.incomeName, type: 'line', yAxisIndex: 1, data: data.income }
    ]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
