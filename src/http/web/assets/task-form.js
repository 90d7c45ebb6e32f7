// The task page's script: what is typed is kept on the server as a draft (暂存) a moment after
// each change, and evidence is uploaded without leaving the page, the new item added to the list.
// Without it the 「暂存」 button keeps the draft and the upload form posts as a plain form.
(function () {
  'use strict';
  const form = document.querySelector('form[data-draft-url]');
  const status = document.querySelector('[data-draft-status]');
  const DELAY = 1500;
  let timer = null;
  let saving = Promise.resolve();

  const say = (el, text, bad) => {
    if (!el) return;
    el.textContent = text;
    el.classList.toggle('error', !!bad);
    el.hidden = false;
  };
  // The server's time of the save, in the agency's zone (as every time on the pages); never the
  // device's clock, which the server's (and the tests') clock does not govern.
  const time = (iso) => (iso ? `（${new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}）` : '');

  /** Sends the form as typed to the draft address; resolves once the server answered. */
  const saveDraft = () => {
    if (!form) return Promise.resolve();
    clearTimeout(timer);
    timer = null;
    const body = new URLSearchParams(new FormData(form));
    saving = saving.then(() =>
      fetch(form.dataset.draftUrl, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(async (res) => {
          const answer = await res.json().catch(() => ({}));
          if (res.ok) say(status, `已暂存${time(answer.savedAt)}`);
          else say(status, `暂存未成功：${answer.error || res.status}`, true);
        })
        .catch(() => say(status, '暂存未成功：无法连接服务器，请勿关闭本页', true)),
    );
    return saving;
  };

  if (form) {
    const later = (e) => {
      if (!e.target.name && !e.target.matches?.('tbody, ol')) return; // a filter box is not part of the form
      clearTimeout(timer);
      timer = setTimeout(saveDraft, DELAY);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // Leaving the page with a save still pending: send it now.
    window.addEventListener('pagehide', () => { if (timer) saveDraft(); });
  }

  // Evidence: posted with fetch (the CSRF token is in the form's address), the page stays as it is.
  const upload = document.querySelector('form[data-evidence-upload]');
  const list = document.querySelector('[data-evidence-list]');
  const uploadStatus = document.querySelector('[data-evidence-status]');
  if (upload) {
    upload.addEventListener('submit', async (e) => {
      e.preventDefault();
      const button = upload.querySelector('button[type=submit]');
      button.disabled = true;
      say(uploadStatus, '正在上传……');
      try {
        await saveDraft(); // what is typed is kept first, whatever happens to the upload
        const res = await fetch(upload.action, { method: 'POST', body: new FormData(upload), credentials: 'same-origin', headers: { accept: 'application/json' } });
        const answer = await res.json().catch(() => ({}));
        if (!res.ok) return say(uploadStatus, answer.error || `上传未成功（${res.status}）`, true);
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `/evidence/${answer.id}`;
        link.textContent = answer.label;
        const hint = document.createElement('span');
        hint.className = 'hint';
        hint.textContent = answer.description || '';
        item.append(link, ` ${answer.fileName} `, hint);
        list.appendChild(item);
        list.hidden = false;
        upload.reset();
        say(uploadStatus, `已保存：${answer.label}`);
      } catch {
        say(uploadStatus, '上传未成功：无法连接服务器', true);
      } finally {
        button.disabled = false;
      }
    });
  }
})();
