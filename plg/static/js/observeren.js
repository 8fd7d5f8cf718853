// Observing on a phone: every note goes into a queue kept on the phone (localStorage) and is
// posted from there, one at a time, until the server has it. Classroom Wi-Fi that drops loses
// nothing: the queue waits and tries again, and says how many notes wait. Each note carries a
// client_id made here, so a note sent twice (the answer was lost) is stored once.
"use strict";

(() => {
  const form = document.getElementById("observatie");
  if (!form) return;
  const key = form.dataset.queueKey;
  const status = form.querySelector("[data-status]");
  const list = document.querySelector("[data-list]");
  const text = form.querySelector("textarea[name=tekst]");
  const pageToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  // Signing in again (in another tab) renews the token: the cookie has the current one.
  const token = () => {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : pageToken;
  };
  const MAX_WAIT = 10000;
  let sending = false;
  let gone = false;
  let signedOut = false;
  let wait = 1000;
  let timer = null;

  const load = () => {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "[]");
    } catch (error) {
      return [];
    }
  };
  const store = (queue) => window.localStorage.setItem(key, JSON.stringify(queue));

  const uuid = () => {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };

  const show = () => {
    if (gone) {
      status.textContent = form.dataset.gone;
      return;
    }
    if (signedOut) {
      status.textContent = form.dataset.signedOut;
      return;
    }
    const waiting = load().length;
    status.dataset.waiting = String(waiting);
    if (waiting === 0) status.textContent = form.dataset.allSaved;
    else if (waiting === 1) status.textContent = form.dataset.waitingOne;
    else status.textContent = form.dataset.waitingMany.replace("%(n)s", String(waiting));
  };

  const mark = (clientId, state, message) => {
    const item = list.querySelector(`[data-client-id="${clientId}"]`);
    if (!item) return;
    item.dataset.state = state;
    const waiting = item.querySelector("[data-note-state]");
    if (waiting) waiting.remove();
    if (message) {
      const note = document.createElement("p");
      note.className = "field-error";
      note.textContent = `${form.dataset.refused} ${message}`;
      item.appendChild(note);
    }
  };

  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, wait);
    wait = Math.min(wait * 2, MAX_WAIT);
  };

  const post = (note) => {
    const body = new URLSearchParams({
      client_id: note.client_id,
      tekst: note.tekst,
      moment: note.moment,
      item: note.item || "",
    });
    return window.fetch(form.action, {
      method: "POST",
      body,
      credentials: "same-origin",
      redirect: "manual", // a lapsed session answers with the login page: not a saved note
      headers: { "X-CSRFToken": token(), Accept: "application/json" },
    });
  };

  const refusal = async (response) => {
    try {
      const fouten = (await response.json()).fouten || {};
      return Object.values(fouten).flat().join(" ");
    } catch (error) {
      return "";
    }
  };

  async function send() {
    if (sending || gone) return;
    sending = true;
    try {
      for (let queue = load(); queue.length; queue = load()) {
        const note = queue[0];
        let response;
        try {
          response = await post(note);
        } catch (error) {
          later(); // no network: the note stays first in the queue
          return;
        }
        if (response.type === "opaqueredirect" || response.status === 403) {
          signedOut = true; // keep the queue; it goes once they signed in again
          later();
          return;
        }
        signedOut = false;
        if (response.status >= 500 || response.status === 429) {
          later();
          return;
        }
        if (response.status === 404) {
          gone = true;
          return;
        }
        store(load().filter((other) => other.client_id !== note.client_id));
        if (response.ok) mark(note.client_id, "bewaard");
        else mark(note.client_id, "geweigerd", await refusal(response));
        wait = 1000;
      }
    } finally {
      sending = false;
      show();
    }
  }

  const render = (note) => {
    const item = document.createElement("li");
    item.className = "card";
    item.dataset.clientId = note.client_id;
    item.dataset.state = "wacht";
    const time = document.createElement("span");
    time.className = "muted";
    time.textContent = new Date(note.moment).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
    });
    item.append(time);
    if (note.label) {
      const tag = document.createElement("span");
      tag.className = "pill";
      tag.textContent = note.label;
      item.append(" · ", tag);
    }
    // a note still on this device says so in words, not only with its coloured edge
    const waiting = document.createElement("span");
    waiting.className = "muted";
    waiting.dataset.noteState = "";
    waiting.textContent = ` · ${form.dataset.waitingNote}`;
    item.append(waiting, document.createElement("br"), note.tekst);
    list.prepend(item);
  };

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-item]");
    if (!button) return;
    const pressed = button.getAttribute("aria-pressed") === "true";
    form.querySelectorAll("button[data-item]").forEach((other) => {
      other.setAttribute("aria-pressed", "false");
    });
    button.setAttribute("aria-pressed", pressed ? "false" : "true");
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const tekst = text.value.trim();
    if (!tekst) return;
    const chosen = form.querySelector("button[data-item][aria-pressed=true]");
    const note = {
      client_id: uuid(),
      tekst,
      moment: new Date().toISOString(),
      item: chosen ? chosen.dataset.item : "",
      label: chosen ? chosen.textContent : "",
    };
    store([...load(), note]);
    render(note);
    text.value = "";
    if (chosen) chosen.setAttribute("aria-pressed", "false");
    text.focus();
    show();
    wait = 1000;
    send();
  });

  window.addEventListener("online", () => {
    wait = 1000;
    send();
  });

  load().forEach(render); // notes a closed page or a dead battery left in the queue
  show();
  send();
})();
