// Live SLA countdowns: every element with data-due shows the time left (or overdue) and takes the
// colour of its state; data-warn is when the warning fraction passes. Works on htmx swaps too.
(function () {
  function span(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
        m = Math.floor(s % 3600 / 60);
    if (d > 0) return d + 'd ' + h + 'h';
    if (h > 0) return h + 'h ' + m + 'm';
    if (m > 0) return m + 'm ' + (s % 60) + 's';
    return (s % 60) + 's';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('data-due'));
      var warnAttr = el.getAttribute('data-warn');
      var warn = warnAttr ? Date.parse(warnAttr) : null;
      if (isNaN(due)) return;
      var left = due - now;
      var label = el.getAttribute('data-label') || '';
      el.textContent = (label ? label + ' · ' : '') + (left >= 0 ? span(left) + ' left' : 'overdue ' + span(left));
      el.classList.remove('sla-ok', 'sla-warn', 'sla-breach');
      var warned = el.hasAttribute('data-warned') || (warn !== null && now >= warn);
      el.classList.add(left < 0 ? 'sla-breach' : warned ? 'sla-warn' : 'sla-ok');
      el.title = 'Due ' + new Date(due).toLocaleString();
    });
  }
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
  setInterval(tick, 1000);
})();
