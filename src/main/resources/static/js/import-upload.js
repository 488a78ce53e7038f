// The import page: the chosen file goes as the raw request body (no size limit of a multipart form),
// with an upload progress bar; the answer is the job's page, which shows the import's own progress.
(function () {
  var form = document.getElementById('import-form');
  if (!form) return;
  function csrfHeaders() {
    try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}'); } catch (e) { return {}; }
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('import-file').files[0];
    if (!file) return;
    var bar = document.getElementById('upload-bar'), text = document.getElementById('upload-text');
    var error = document.getElementById('upload-error');
    document.getElementById('upload').hidden = false;
    error.hidden = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-action') || '/admin/import/upload');
    var headers = csrfHeaders();
    Object.keys(headers).forEach(function (h) { xhr.setRequestHeader(h, headers[h]); });
    xhr.setRequestHeader('Content-Type', 'application/x-ndjson');
    xhr.setRequestHeader('X-File-Name', file.name);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.value = Math.round(e.loaded * 100 / e.total);
      text.textContent = bar.value + ' %';
    };
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300) { window.location = xhr.responseText; return; }
      var detail = xhr.responseText;
      try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (e) { /* not JSON */ }
      error.textContent = 'The import was refused: ' + detail;
      error.hidden = false;
    };
    xhr.onerror = function () { error.textContent = 'The upload failed.'; error.hidden = false; };
    xhr.send(file);
  });
})();
