/*
 * The agents' chat console: presence, the waiting chats of the clients the agent serves, and the
 * agent's open chats, over /chat/agent/ws (frames in docs/chat.md). Text from visitors is only
 * ever set with textContent.
 */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/agent/ws';
  var ws = null, available = false, chats = {};

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }
  function send(frame) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); } }

  function setAvailable(value) {
    available = value;
    $('presence-state').textContent = value ? 'Available' : 'Away';
    $('presence-state').className = 'badge ' + (value ? 'sla-ok' : '');
    $('presence-toggle').textContent = value ? 'Go away' : 'Go available';
  }

  function renderWaiting(list) {
    var ul = $('waiting');
    ul.textContent = '';
    list.forEach(function (c) {
      var accept = el('button', { type: 'button', 'data-testid': 'accept', text: 'Accept' });
      accept.addEventListener('click', function () { send({ type: 'accept', chatId: c.id }); });
      ul.appendChild(el('li', { 'class': 'msg', 'data-chat': String(c.id), 'data-testid': 'waiting-chat' }, [
        el('div', { 'class': 'meta' }, [el('strong', { text: c.visitor || c.email }), el('span', { 'class': 'muted', text: ' · ' + c.clientName })]),
        el('div', { 'class': 'body', text: c.preview }), accept]));
    });
    $('none-waiting').style.display = list.length ? 'none' : '';
  }

  function line(chat, f) {
    chat.log.appendChild(el('div', { 'class': 'msg ' + f.from, 'data-from': f.from, 'data-testid': 'chat-line' }, [
      el('div', { 'class': 'meta', text: (f.name || f.from) }), el('div', { 'class': 'body', text: f.text })]));
    chat.log.scrollTop = chat.log.scrollHeight;
  }

  function openChat(f) {
    var id = f.chat.id;
    if (chats[id]) { chats[id].card.remove(); }
    var log = el('div', { 'class': 'stack', 'data-testid': 'chat-log' });
    var typing = el('div', { 'class': 'muted', 'data-testid': 'chat-typing' });
    var visitor = el('span', { 'class': 'muted', 'data-testid': 'chat-visitor', text: f.visitorOnline ? 'on the page' : 'left the page' });
    var input = el('textarea', { rows: '2', style: 'flex:1', 'data-testid': 'chat-input', maxlength: '2000', placeholder: 'Reply to the visitor' });
    var sendButton = el('button', { type: 'submit', 'data-testid': 'chat-send', text: 'Send' });
    var end = el('button', { type: 'button', 'class': 'danger', 'data-testid': 'chat-end', text: 'End chat' });
    var form = el('form', { 'class': 'row' }, [input, sendButton, end]);
    var ticket = el('a', { href: '/tickets/' + f.ticketId, 'data-testid': 'chat-ticket', text: f.ticket });
    var card = el('div', { 'class': 'card', 'data-chat': String(id), 'data-testid': 'chat-card' }, [
      el('h2', { text: (f.chat.visitor || f.chat.email) + ' · ' + f.chat.clientName }),
      el('p', { 'class': 'muted' }, [el('span', { text: f.chat.email + ' · ticket ' }), ticket, el('span', { text: ' · visitor ' }), visitor]),
      log, typing, form]);
    var chat = { card: card, log: log, typing: typing, visitor: visitor, form: form, timer: null, lastTyping: 0 };
    chats[id] = chat;
    f.lines.forEach(function (l) { line(chat, l); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (input.value.trim() !== '') { send({ type: 'line', chatId: id, text: input.value }); input.value = ''; }
    });
    input.addEventListener('input', function () {
      var now = Date.now();
      if (now - chat.lastTyping > 2000) { chat.lastTyping = now; send({ type: 'typing', chatId: id }); }
    });
    end.addEventListener('click', function () { send({ type: 'end', chatId: id }); });
    $('my-chats').appendChild(card);
    $('no-chats').style.display = 'none';
  }

  function ended(id, by) {
    var chat = chats[id];
    if (!chat) { return; }
    chat.form.remove();
    chat.typing.textContent = '';
    chat.card.appendChild(el('p', { 'class': 'muted', 'data-testid': 'chat-ended', text: 'Chat ended by the ' + by + '. The transcript is on the ticket.' }));
  }

  function on(f) {
    var chat = f.chatId != null ? chats[f.chatId] : null;
    switch (f.type) {
      case 'hello': setAvailable(f.available); break;
      case 'presence': setAvailable(f.available); break;
      case 'waiting': renderWaiting(f.chats); break;
      case 'accepted': openChat(f); break;
      case 'line': if (chat) { line(chat, f); if (f.from === 'visitor') { chat.typing.textContent = ''; } } break;
      case 'typing':
        if (chat) {
          chat.typing.textContent = 'The visitor is typing…';
          clearTimeout(chat.timer); chat.timer = setTimeout(function () { chat.typing.textContent = ''; }, 3000);
        }
        break;
      case 'visitor': if (chat) { chat.visitor.textContent = f.online ? 'on the page' : 'left the page'; } break;
      case 'ended': ended(f.chatId, f.by); break;
      case 'error': $('console-error').textContent = f.errors ? f.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; ') : f.message; break;
    }
  }

  function connect() {
    ws = new WebSocket(url);
    ws.onopen = function () { $('console-status').textContent = 'Connected'; };
    ws.onmessage = function (e) { $('console-error').textContent = ''; on(JSON.parse(e.data)); };
    ws.onclose = function () {
      $('console-status').textContent = 'Disconnected, reconnecting…';
      Object.keys(chats).forEach(function (id) { chats[id].card.remove(); });
      chats = {};
      setTimeout(connect, 2000);
    };
  }

  $('presence-toggle').addEventListener('click', function () { send({ type: 'available', available: !available }); });
  connect();
})();
