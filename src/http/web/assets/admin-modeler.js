// The administrators' modeler: bpmn-js Modeler with the Camunda moddle, validate and deploy through
// the server (the same checks as a deployment), problems listed and marked on their elements.
(async function () {
  const el = document.getElementById('modeler');
  if (!el || !window.BpmnJS) return;
  const status = document.getElementById('status');
  const list = document.getElementById('problems');
  const MAX_UPLOAD = 2 * 1024 * 1024;
  const say = (text, cls) => { status.textContent = text; status.className = cls || 'hint'; };

  const camunda = await (await fetch('/admin/processes/camunda-moddle.json', { credentials: 'same-origin' })).json();
  const modeler = new window.BpmnJS({ container: el, keyboard: { bindTo: document }, moddleExtensions: { camunda } });
  window.bpmnjs = modeler; // for the browser test and for administrators at the console
  const canvas = () => modeler.get('canvas');
  const overlays = () => modeler.get('overlays');
  let marked = [];

  const clearProblems = () => {
    list.textContent = '';
    marked.forEach((id) => canvas().removeMarker(id, 'lint-error'));
    marked = [];
    overlays().remove({ type: 'problem' });
  };
  const showProblems = (problems) => {
    clearProblems();
    const registry = modeler.get('elementRegistry');
    for (const p of problems) {
      const li = document.createElement('li');
      li.textContent = p.message;
      list.appendChild(li);
      if (p.elementId && registry.get(p.elementId)) {
        li.dataset.elementId = p.elementId;
        canvas().addMarker(p.elementId, 'lint-error');
        marked.push(p.elementId);
        const note = document.createElement('div');
        note.className = 'problem-overlay';
        note.textContent = p.message;
        overlays().add(p.elementId, 'problem', { position: { bottom: -4, left: 0 }, html: note });
      }
    }
    // A large diagram fits the viewport too small to read a mark: bring the first one into view at full size.
    if (marked.length) {
      canvas().zoom(1);
      canvas().scrollToElement(registry.get(marked[0]), { top: 120, left: 200, right: 200, bottom: 120 });
    }
  };

  const open = async (xml) => {
    const { warnings } = await modeler.importXML(xml);
    clearProblems();
    canvas().zoom('fit-viewport');
    return warnings;
  };

  // A new process gets its key and name from the two fields, written into the diagram before it is sent.
  const applyProcessFields = () => {
    const id = document.getElementById('process-id');
    const name = document.getElementById('process-name');
    if (!id) return;
    const root = canvas().getRootElement();
    const props = {};
    if (id.value.trim()) props.id = id.value.trim();
    if (name.value.trim()) props.name = name.value.trim();
    if (Object.keys(props).length) modeler.get('modeling').updateProperties(root, props);
  };

  const send = async (url) => {
    applyProcessFields();
    const { xml } = await modeler.saveXML({ format: true });
    const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/xml', 'x-csrf-token': el.dataset.csrf }, body: xml });
    const type = res.headers.get('content-type') || '';
    const body = type.includes('json') ? await res.json() : { problems: [{ message: `服务器答复 ${res.status}` }] };
    return { status: res.status, body };
  };

  document.getElementById('validate').addEventListener('click', async () => {
    say('正在校验…');
    const { body } = await send('/admin/processes/validate');
    showProblems(body.problems || []);
    if (body.valid) say('校验通过：可以部署。', 'flash');
    else say(`校验未通过：${body.problems.length} 个问题。`, 'error');
  });

  document.getElementById('deploy').addEventListener('click', async () => {
    say('正在部署…');
    const { status: code, body } = await send('/admin/processes/deploy');
    if (code === 201 || code === 200) {
      clearProblems();
      const what = `${body.name || body.key}（${body.key}）第 ${body.version} 版`;
      say(body.created ? `已部署为 ${what}。` : `内容与 ${what} 相同，未生成新版本。`, 'flash');
      status.dataset.version = String(body.version);
      status.dataset.key = body.key;
    } else {
      showProblems(body.problems || []);
      say(`未部署：${(body.problems || []).length} 个问题，未保存任何内容。`, 'error');
    }
  });

  document.getElementById('upload').addEventListener('change', (event) => {
    const file = event.target.files[0];
    if (!file) return;
    if (file.size > MAX_UPLOAD) return say(`「${file.name}」超过 2 MB，不能上传。`, 'error');
    const reader = new FileReader();
    reader.onload = async () => {
      const text = String(reader.result);
      if (!/<([\w-]+:)?definitions[\s>]/.test(text) || !text.includes('http://www.omg.org/spec/BPMN/20100524/MODEL')) {
        return say(`「${file.name}」不是 BPMN 文件：找不到 BPMN 2.0 的 definitions 元素。`, 'error');
      }
      try {
        const warnings = await open(text);
        say(warnings.length ? `已打开「${file.name}」，有 ${warnings.length} 处无法识别的内容，请先校验。` : `已打开「${file.name}」，校验后即可部署。`);
      } catch (err) {
        say(`「${file.name}」无法打开：${err.message}`, 'error');
      }
    };
    reader.onerror = () => say(`「${file.name}」读取失败。`, 'error');
    reader.readAsText(file);
  });

  document.getElementById('download').addEventListener('click', async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    a.download = `${el.dataset.key || 'diagram'}.bpmn`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  await open(await (await fetch(el.dataset.xmlUrl, { credentials: 'same-origin' })).text());
  say('已载入。编辑后先校验，再部署为新版本。');
  el.dataset.ready = 'true';
})().catch((err) => {
  const status = document.getElementById('status');
  if (status) { status.textContent = '建模器无法启动：' + err.message; status.className = 'error'; }
});
