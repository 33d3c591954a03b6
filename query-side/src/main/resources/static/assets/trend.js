// The alignment score trend (Chart.js from the webjar, global "Chart").

import { formatShortTime } from './render.js';

let chart = null;

function create(canvas) {
  const styles = getComputedStyle(document.body);
  const accent = styles.getPropertyValue('--accent').trim() || '#2f6fde';
  const ink = styles.getPropertyValue('--muted').trim() || '#666';
  return new window.Chart(canvas, {
    type: 'line',
    data: { labels: [], datasets: [{ label: 'Alignment score', data: [], borderColor: accent, backgroundColor: accent,
      pointRadius: 0, borderWidth: 2, tension: 0, fill: false }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        y: { min: 0, max: 100, ticks: { color: ink } },
        x: { ticks: { color: ink, maxTicksLimit: 6, maxRotation: 0 } },
      },
    },
  });
}

/** Shows the trend points ({at, score}, oldest first). */
export function renderTrend(points) {
  if (!window.Chart) {
    return;
  }
  if (!chart) {
    chart = create(document.getElementById('trend-chart'));
  }
  chart.data.labels = points.map((point) => formatShortTime(point.at));
  chart.data.datasets[0].data = points.map((point) => point.score);
  chart.update('none');
}

/** Re-reads the colours after a theme change (wall mode). */
export function resetTrend() {
  if (chart) {
    chart.destroy();
    chart = null;
  }
}
