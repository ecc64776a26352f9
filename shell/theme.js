// The remembered theme (the page's "Theme" control writes it), applied before the first paint so
// a dark page never flashes light. A classic script in <head>: it runs before the body is parsed.
try {
  const theme = localStorage.getItem('datachecks-job-viewer.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (_) {
  // Storage refused (a locked-down browser): the system's setting applies.
}
