// Draws the dashboard's charts from the JSON the server embedded in the page (#chart-data).
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('chart-data').textContent || '{}');
  if (typeof Chart === 'undefined') {
    return;
  }
  const colours = { MET: '#2e7d32', PARTIAL: '#f2a900', NOT_MET: '#c62828', NOT_ASSESSABLE: '#b0b7bf' };
  const palette = ['#0b5cad', '#00897b', '#ef6c00', '#6a1b9a', '#5d4037', '#c2185b', '#546e7a', '#7cb342'];
  const usd = v => '$' + Math.round(Number(v)).toLocaleString('en-US');
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const attainment = document.getElementById('attainment-chart');
  if (attainment && data.attainment) {
    new Chart(attainment, {
      type: 'bar',
      data: {
        labels: data.attainment.labels,
        datasets: data.attainment.datasets.map(d => ({
          label: d.label, data: d.data, backgroundColor: colours[d.key], stack: 'status', key: d.key
        }))
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'indicators' } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  const budget = document.getElementById('budget-chart');
  if (budget && data.budget) {
    const b = data.budget;
    new Chart(budget, {
      type: 'bar',
      data: {
        labels: b.labels.map((l, i) => b.overSpend[i] ? [l, '⚠ over-spend'] : l),
        datasets: [
          { label: 'Planned', data: b.planned, backgroundColor: '#b3cde8' },
          { label: 'Actual', data: b.actual, backgroundColor: '#0b5cad' },
          { label: 'Expenses', data: b.expenses,
            backgroundColor: b.overSpend.map(o => o ? '#c62828' : '#00897b'),
            borderColor: b.overSpend.map(o => o ? '#7f0000' : '#00897b'), borderWidth: b.overSpend.map(o => o ? 2 : 0) }
        ]
      },
      options: {
        scales: { y: { ticks: { callback: v => usd(v) } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: {
            label: c => c.dataset.label + ': ' + usd(c.raw),
            afterBody: items => {
              const i = items[0].dataIndex;
              const lines = [];
              if (b.shortfall[i] !== null) lines.push('Shortfall (planned − actual): ' + usd(b.shortfall[i]));
              if (b.overSpend[i]) lines.push('Over-spend: expenses above actual');
              return lines;
            } } }
        }
      }
    });
  }

  // One chart per currency: amounts are never converted, so each has its own axis.
  (data.funding || []).forEach(f => {
    const canvas = document.getElementById(f.canvas);
    if (!canvas) return;
    const money = f.currency === 'USD' ? usd
      : v => f.currency + ' ' + Math.round(Number(v)).toLocaleString('en-US');
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: f.labels,
        datasets: f.datasets.map((d, i) => ({
          label: d.label.length > 48 ? d.label.slice(0, 46) + '…' : d.label, fullLabel: d.label,
          data: d.data, backgroundColor: palette[i % palette.length], stack: 'partners'
        }))
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: v => money(v) } } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: c => c.dataset.fullLabel + ': ' + money(c.raw) } } }
      }
    });
  });
  (data.trajectories || []).forEach(t => {
    const canvas = document.getElementById(t.canvas);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: t.labels,
        datasets: [
          { label: 'Planned', data: t.planned, borderColor: '#8a96a3', borderDash: [4, 3], pointRadius: 2, spanGaps: true },
          { label: 'Result', data: t.results, borderColor: '#0b5cad', backgroundColor: '#0b5cad', pointRadius: 3, spanGaps: true }
        ]
      },
      options: { plugins: { legend: { display: false } }, scales: { x: { ticks: { autoSkip: true, maxTicksLimit: 8 } } } }
    });
  });
  document.documentElement.dataset.charts = 'ready';
})();
