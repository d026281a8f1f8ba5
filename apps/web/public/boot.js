// On a page the server drew (see the server's app shell), the app's code is fetched once the page has
// painted: the first paint does not share the machine with compiling it. The app then takes the drawn
// page over. A window in the background paints nothing; its page starts after a second anyway.
(() => {
  const element = document.getElementById('kamap-code');
  if (!element) return;
  const { modules, preloads } = JSON.parse(element.textContent);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const add = (tag, properties) => document.head.append(Object.assign(document.createElement(tag), properties));
    for (const href of preloads) add('link', { rel: 'modulepreload', crossOrigin: '', href });
    for (const src of modules) add('script', { type: 'module', crossOrigin: '', src });
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 1000);
})();
