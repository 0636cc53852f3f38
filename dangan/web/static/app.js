// dangan web desk: drag-and-drop upload with per-file progress, and small form helpers.
// Plain JS, no build step; every request carries the session's CSRF token.
"use strict";

const csrfToken = () => document.querySelector('meta[name="csrf-token"]').content;

// A file over the desk's limit is refused before it is sent: the clerk waited for the whole upload, then got 413.
function tooBig(file) {
  const zone = document.getElementById("dropzone");
  const limit = zone ? Number(zone.dataset.limitMb) : 0;
  if (!limit || file.size <= limit * 1024 * 1024) return null;
  const size = (file.size / 1024 / 1024).toFixed(1);
  return `文件 ${size} MB，超过每个文件至多 ${limit} MB 的限制，未上传。` +
    "可压缩或拆分后再上传；确需收录更大的文件，请管理员调大工作区设置 dangan.toml 中 [limits] 的 max_file_mb。";
}

function uploadOne(file, row) {
  return new Promise((resolve) => {
    const bar = row.querySelector("progress");
    const status = row.querySelector(".status");
    const reason = row.querySelector(".reason");
    const refused = tooBig(file);
    if (refused) {
      status.textContent = "失败";
      status.className = "status failed";
      reason.textContent = refused;
      resolve({ status: "failed", label: "失败", reason: refused, unsent: true });
      return;
    }
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.open("POST", "/upload");
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.upload.addEventListener("load", () => { bar.value = 100; status.textContent = "收录中…"; });
    const finish = (data) => {
      const result = data || { status: "failed", label: "失败", reason: `服务器返回 ${xhr.status}` };
      status.textContent = result.label || "失败";
      status.className = `status ${result.partial ? "partial" : result.status || "failed"}`;
      reason.textContent = "";
      if (result.id) {
        const link = document.createElement("a");
        link.href = `/doc/${encodeURIComponent(result.id)}`;
        link.textContent = result.title || `文件 ${result.id}`;
        reason.appendChild(link);
      }
      if (result.reason) reason.append(result.id ? `（${result.reason}）` : result.reason);
      resolve(result);
    };
    xhr.addEventListener("load", () => finish(xhr.response));
    xhr.addEventListener("error", () => finish({ status: "failed", label: "失败", reason: "网络错误，上传中断" }));
    status.textContent = "上传中";
    xhr.send(form);
  });
}

async function uploadAll(files) {
  const body = document.getElementById("upload-rows");
  const template = document.getElementById("upload-row");
  const summary = document.getElementById("upload-summary");
  const empty = body.querySelector("tr.empty");
  if (empty) empty.remove();
  const pathOf = (file) => file.relativePath || file.webkitRelativePath || file.name;
  const sorted = Array.from(files).sort((a, b) => pathOf(a).localeCompare(pathOf(b), "zh-CN"));   // as a folder lists them
  const rows = sorted.map((file) => {
    const row = template.content.firstElementChild.cloneNode(true);
    row.querySelector(".name").textContent = pathOf(file);
    body.appendChild(row);
    return [file, row];
  });
  const counts = { added: 0, partial: 0, duplicate: 0, failed: 0 };
  let unsent = 0;
  const told = () => [["收录", counts.added], ["部分收录", counts.partial], ["重复", counts.duplicate],
    ["失败", counts.failed]].filter(([, n]) => n).map(([label, n]) => `${label} ${n}`).join("，");
  for (const [index, [file, row]] of rows.entries()) {
    if (summary) summary.textContent = `正在上传第 ${index + 1} / ${rows.length} 个文件${told() ? `（${told()}）` : ""}…`;
    const result = await uploadOne(file, row);  // one request per file, one after another: the archive has one writer
    if (result.unsent) unsent += 1;
    const kind = result.partial ? "partial" : result.status;
    counts[kind in counts ? kind : "failed"] += 1;
  }
  if (summary) {
    summary.textContent = `共 ${rows.length} 个文件：${told()}。` +
      (counts.failed + counts.partial > unsent ? "未收录的文件已隔离，原因见下表“说明”和“状态”页。" : "") +
      (unsent ? `${unsent} 个文件超过大小限制，未上传，见下表“说明”。` : "");
  }
}

// A dropped folder arrives as one entry: walk it (and its sub-folders) for the files inside.
function filesOf(entry, folder) {
  return new Promise((resolve) => {
    if (entry.isFile) {
      entry.file((file) => { file.relativePath = folder + file.name; resolve([file]); }, () => resolve([]));
      return;
    }
    const reader = entry.createReader();
    const found = [];
    const more = () => reader.readEntries(async (entries) => {
      if (!entries.length) { resolve(found); return; }
      for (const child of entries) found.push(...await filesOf(child, `${folder}${entry.name}/`));
      more();   // readEntries gives at most 100 at a time
    }, () => resolve(found));
    more();
  });
}

async function droppedFiles(transfer) {
  const entries = Array.from(transfer.items || []).map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry())
    .filter(Boolean);
  if (!entries.length) return Array.from(transfer.files);
  const lists = await Promise.all(entries.map((entry) => filesOf(entry, "")));
  return lists.flat();
}

function setupUpload() {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("file-input");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, (event) => {
    event.preventDefault();
    zone.classList.remove("over");
  }));
  zone.addEventListener("drop", (event) => {
    if (!event.dataTransfer) return;
    droppedFiles(event.dataTransfer).then((files) => { if (files.length) uploadAll(files); });
  });
  zone.addEventListener("keydown", (event) => { if (event.key === "Enter") input.click(); });
  const folder = document.getElementById("folder-input");
  [input, folder].filter(Boolean).forEach((picker) => picker.addEventListener("change", () => {
    if (picker.files.length) uploadAll(picker.files).then(() => { picker.value = ""; });
  }));
}

function setupToggles() {
  document.querySelectorAll("[data-toggle-all]").forEach((button) => {
    button.addEventListener("click", () => {
      const boxes = document.querySelectorAll(`input[type=checkbox][name="${button.dataset.toggleAll}"]`);
      const all = Array.from(boxes).every((box) => box.checked);
      boxes.forEach((box) => { box.checked = !all; });
    });
  });
}

function setupAutoSubmit() {
  // A choice that reloads the page (the edition of the 测评体系): inline handlers are barred by the CSP.
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.form.querySelectorAll(".js-hidden").forEach((button) => { button.hidden = true; });
    select.addEventListener("change", () => select.form.submit());
  });
}

function setupFileNames() {
  document.querySelectorAll("[data-file-name-for]").forEach((label) => {
    const input = document.getElementById(label.dataset.fileNameFor);
    if (!input) return;
    input.addEventListener("change", () => {
      label.textContent = input.files.length ? Array.from(input.files).map((f) => f.name).join("、") : "未选择文件";
    });
  });
}

function setupJobForms() {
  // A long build (the dossier DOCX): started by the server beside the request; its steps are
  // shown here as they come, then the file is fetched. Without this script the form posts plainly.
  document.querySelectorAll("form#dossier-download").forEach((form) => {
    const box = form.querySelector(".job-progress");
    const step = form.querySelector(".job-step");
    const button = form.querySelector("button[type=submit]");
    const show = (text, failed) => {
      box.hidden = false;
      step.textContent = text;
      step.classList.toggle("failed", Boolean(failed));
    };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      button.disabled = true;
      show("正在开始生成…");
      try {
        const started = await fetch(form.action, {
          method: "POST", body: new FormData(form),
          headers: { "X-CSRF-Token": csrfToken(), Accept: "application/json" },
        });
        if (!started.ok) throw new Error(`服务器返回 ${started.status}`);
        let job = await started.json();
        const poll = job.poll;
        while (!job.done && !job.error) {
          show(`正在生成：${job.step}（已用 ${Math.round(job.seconds)} 秒）`);
          await new Promise((resolve) => setTimeout(resolve, 700));
          const answer = await fetch(poll, { headers: { Accept: "application/json" } });
          if (!answer.ok) throw new Error(`服务器返回 ${answer.status}`);
          job = await answer.json();
        }
        if (job.error) {
          show(`生成失败：${job.error}${job.hint ? `（提示：${job.hint}）` : ""}`, true);
        } else {
          show(`已生成（用时 ${Math.round(job.seconds)} 秒），正在下载。`);
          box.querySelector("progress").value = 1;
          box.querySelector("progress").max = 1;
          window.location.href = job.file;
        }
      } catch (error) {
        show(`生成失败：${error.message}`, true);
      } finally {
        button.disabled = false;
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupUpload();
  setupJobForms();
  setupToggles();
  setupAutoSubmit();
  setupFileNames();
});
