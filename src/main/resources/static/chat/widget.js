/*
 * Tierline live chat widget: <script src="https://desk.example/chat/widget.js" data-client="acme"></script>
 * Vanilla JS, no build. Renders a bubble and a panel, talks JSON frames over /chat/ws (docs/chat.md).
 * The chat token is kept in sessionStorage, so a reload of the page continues the same chat.
 * Everything the visitor or agent typed is shown with textContent, never as HTML.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var client = script && script.getAttribute('data-client');
  if (!client) { return; }
  var base = new URL(script.src, location.href);
  var socketUrl = (base.protocol === 'https:' ? 'wss://' : 'ws://') + base.host + '/chat/ws?client=' + encodeURIComponent(client);
  var tokenKey = 'tierline.chat.' + client;
  var ws = null, state = 'NEW', agentName = null, online = false, lastTyping = 0, typingTimer = null;

  var css = '.tlc-bubble{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;padding:14px 20px;'
    + 'background:#2d5bd7;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}'
    + '.tlc-panel{position:fixed;right:20px;bottom:84px;z-index:2147483000;width:340px;max-height:70vh;display:none;flex-direction:column;'
    + 'background:#fff;border:1px solid #d5d9e4;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.2);font:14px system-ui,sans-serif;color:#1c2333}'
    + '.tlc-panel.open{display:flex}.tlc-head{padding:10px 14px;background:#2d5bd7;color:#fff;border-radius:10px 10px 0 0}'
    + '.tlc-status{font-size:12px;opacity:.9}.tlc-log{flex:1;overflow-y:auto;padding:10px 14px;min-height:120px}'
    + '.tlc-line{margin:6px 0;padding:6px 10px;border-radius:8px;background:#eef1f8;white-space:pre-wrap;word-wrap:break-word}'
    + '.tlc-line.visitor{background:#dfe8ff;margin-left:30px}.tlc-line.agent{margin-right:30px}.tlc-name{font-size:11px;color:#5b6478}'
    + '.tlc-note{font-size:12px;color:#5b6478;margin:6px 0}.tlc-form{display:flex;flex-direction:column;gap:6px;padding:10px 14px;border-top:1px solid #e3e6ee}'
    + '.tlc-form input,.tlc-form textarea{font:inherit;padding:6px 8px;border:1px solid #c9cedb;border-radius:6px}'
    + '.tlc-form button{font:inherit;padding:6px 10px;border:0;border-radius:6px;background:#2d5bd7;color:#fff;cursor:pointer}'
    + '.tlc-form button.tlc-secondary{background:#e9ecf5;color:#1c2333}.tlc-typing{font-size:12px;color:#5b6478;padding:0 14px;min-height:16px}';

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  var style = el('style', { text: css });
  var bubble = el('button', { 'class': 'tlc-bubble', type: 'button', 'data-testid': 'tl-chat-bubble', text: 'Chat with us' });
  var status = el('div', { 'class': 'tlc-status', 'data-testid': 'tl-chat-status', text: 'Connecting…' });
  var log = el('div', { 'class': 'tlc-log', 'data-testid': 'tl-chat-log', 'aria-live': 'polite' });
  var typing = el('div', { 'class': 'tlc-typing', 'data-testid': 'tl-chat-typing' });
  var name = el('input', { placeholder: 'Your name', 'data-testid': 'tl-chat-name', maxlength: '200' });
  var email = el('input', { placeholder: 'Your e-mail', type: 'email', 'data-testid': 'tl-chat-email', maxlength: '320' });
  var first = el('textarea', { placeholder: 'How can we help?', rows: '2', 'data-testid': 'tl-chat-first', maxlength: '2000' });
  var startButton = el('button', { type: 'submit', 'data-testid': 'tl-chat-start', text: 'Start chat' });
  var startForm = el('form', { 'class': 'tlc-form' }, [name, email, first, startButton]);
  var input = el('textarea', { placeholder: 'Type a message', rows: '2', 'data-testid': 'tl-chat-input', maxlength: '2000' });
  var sendButton = el('button', { type: 'submit', 'data-testid': 'tl-chat-send', text: 'Send' });
  var endButton = el('button', { type: 'button', 'class': 'tlc-secondary', 'data-testid': 'tl-chat-end', text: 'End chat' });
  var talkForm = el('form', { 'class': 'tlc-form' }, [input, sendButton, endButton]);
  var leaveNote = el('div', { 'class': 'tlc-note', 'data-testid': 'tl-chat-offer' });
  var leaveText = el('textarea', { placeholder: 'Your message — we answer by e-mail', rows: '3', 'data-testid': 'tl-chat-leave-text', maxlength: '10000' });
  var leaveButton = el('button', { type: 'submit', 'data-testid': 'tl-chat-leave-send', text: 'Leave a message' });
  var leaveForm = el('form', { 'class': 'tlc-form' }, [leaveNote, leaveText, leaveButton]);
  var newButton = el('button', { type: 'button', 'data-testid': 'tl-chat-new', text: 'Start a new chat' });
  var newForm = el('div', { 'class': 'tlc-form' }, [newButton]);
  var panel = el('div', { 'class': 'tlc-panel', 'data-testid': 'tl-chat-panel', role: 'dialog', 'aria-label': 'Live chat' }, [
    el('div', { 'class': 'tlc-head' }, [el('strong', { text: 'Support chat' }), status]), log, typing, startForm, talkForm, leaveForm, newForm]);

  function show(form, visible) { form.style.display = visible ? '' : 'none'; }
  function forms() {
    show(startForm, state === 'NEW');
    show(talkForm, state === 'WAITING' || state === 'ACTIVE');
    show(leaveForm, state === 'WAITING' && (leaveNote.textContent !== '' || !online));
    show(newForm, state === 'DONE');
  }
  function note(text) { log.appendChild(el('div', { 'class': 'tlc-note', text: text })); log.scrollTop = log.scrollHeight; }
  function line(f) {
    log.appendChild(el('div', { 'class': 'tlc-line ' + f.from, 'data-from': f.from }, [
      el('div', { 'class': 'tlc-name', text: f.name || (f.from === 'agent' ? 'Agent' : 'You') }), el('div', { text: f.text })]));
    log.scrollTop = log.scrollHeight;
  }
  function presence() {
    if (state === 'ACTIVE') { status.textContent = 'Chatting with ' + (agentName || 'an agent'); return; }
    status.textContent = online ? 'An agent is online' : 'No agent available right now';
    if (!online && state === 'WAITING' && leaveNote.textContent === '') { leaveNote.textContent = 'No agent is available right now. Leave a message and we will answer by e-mail.'; }
  }
  function send(frame) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); } }
  function done(text) {
    state = 'DONE'; sessionStorage.removeItem(tokenKey); typing.textContent = ''; note(text); forms();
  }

  function on(f) {
    switch (f.type) {
      case 'presence': online = f.online; presence(); break;
      case 'started':
        if (f.token) { sessionStorage.setItem(tokenKey, f.token); }
        state = f.state === 'WAITING' || f.state === 'ACTIVE' ? f.state : 'DONE';
        if (state === 'WAITING') { note('Waiting for an agent…'); }
        break;
      case 'line': line(f); if (f.from === 'agent') { typing.textContent = ''; } break;
      case 'accepted': state = 'ACTIVE'; agentName = f.agent; leaveNote.textContent = ''; note((f.agent || 'An agent') + ' joined the chat.'); break;
      case 'typing':
        typing.textContent = (f.name || 'The agent') + ' is typing…';
        clearTimeout(typingTimer); typingTimer = setTimeout(function () { typing.textContent = ''; }, 3000);
        break;
      case 'offer': leaveNote.textContent = f.reason + '. You can keep waiting, or leave a message and we will answer by e-mail.'; break;
      case 'left': done('Thank you. We received your message as ' + f.ticket + ' and will answer by e-mail.'); break;
      case 'ended':
        done(f.by === 'agent' ? 'The agent ended the chat.' : 'Chat ended.');
        if (f.survey) { // issue 9: the CSAT survey of the solved ticket, one click per score
          var rate = document.createElement('p'); rate.setAttribute('data-testid', 'chat-survey');
          rate.appendChild(document.createTextNode('How did we do? '));
          [1, 2, 3, 4, 5].forEach(function (s) {
            var a = document.createElement('a'); a.href = f.survey + '?score=' + s; a.target = '_blank'; a.textContent = ' ' + s + ' ';
            rate.appendChild(a);
          });
          log.appendChild(rate);
        }
        break;
      case 'error':
        if (f.code === 'unknown-token') { sessionStorage.removeItem(tokenKey); state = 'NEW'; }
        note(f.errors ? f.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; ') : f.message);
        break;
    }
    presence(); forms();
  }

  function connect() {
    ws = new WebSocket(socketUrl);
    ws.onopen = function () { var token = sessionStorage.getItem(tokenKey); if (token) { send({ type: 'resume', token: token }); } };
    ws.onmessage = function (e) { on(JSON.parse(e.data)); };
    ws.onclose = function () {
      status.textContent = 'Disconnected';
      if (state === 'WAITING' || state === 'ACTIVE') { setTimeout(connect, 3000); }
    };
  }

  bubble.addEventListener('click', function () {
    panel.classList.toggle('open');
    if (!ws || ws.readyState > 1) { connect(); }
  });
  startForm.addEventListener('submit', function (e) {
    e.preventDefault();
    send({ type: 'start', name: name.value, email: email.value, text: first.value });
  });
  talkForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (input.value.trim() !== '') { send({ type: 'line', text: input.value }); input.value = ''; }
  });
  input.addEventListener('input', function () {
    var now = Date.now();
    if (state === 'ACTIVE' && now - lastTyping > 2000) { lastTyping = now; send({ type: 'typing' }); }
  });
  endButton.addEventListener('click', function () { send({ type: 'end' }); });
  leaveForm.addEventListener('submit', function (e) { e.preventDefault(); send({ type: 'leave', text: leaveText.value }); });
  newButton.addEventListener('click', function () { log.textContent = ''; leaveNote.textContent = ''; state = 'NEW'; forms(); });

  function mount() {
    document.head.appendChild(style);
    document.body.appendChild(bubble);
    document.body.appendChild(panel);
    forms();
    if (sessionStorage.getItem(tokenKey)) { panel.classList.add('open'); connect(); }
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
