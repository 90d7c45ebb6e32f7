// The case page's diagram: bpmn-js NavigatedViewer with the current steps and the path taken marked.
(async function () {
  const el = document.getElementById('diagram');
  if (!el || !window.BpmnJS) return;
  const viewer = new window.BpmnJS({ container: el });
  const xml = await (await fetch(el.dataset.xmlUrl, { credentials: 'same-origin' })).text();
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const mark = (ids, cls) => ids.forEach((id) => registry.get(id) && canvas.addMarker(id, cls));
  const done = JSON.parse(el.dataset.done || '[]');
  const current = JSON.parse(el.dataset.current || '[]');
  mark(done, 'highlight-done');
  // The path taken: a flow between two steps that were both reached.
  const reached = new Set([...done, ...current]);
  registry.filter((e) => e.waypoints && e.source && e.target && reached.has(e.source.id) && done.includes(e.source.id) && reached.has(e.target.id)).forEach((e) => canvas.addMarker(e.id, 'highlight-done'));
  mark(current, 'highlight-current');
  canvas.zoom('fit-viewport');
  el.dataset.ready = 'true';
})().catch((err) => {
  const el = document.getElementById('diagram');
  if (el) el.textContent = '流程图无法显示：' + err.message;
});
