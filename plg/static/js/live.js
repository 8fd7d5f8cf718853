// Live bijeenkomst: one WebSocket, the server's state rendered as it arrives.
// Every change goes to the server; nothing is changed locally first, so all screens agree.
(function () {
  "use strict";
  const root = document.getElementById("live");
  if (!root) return;
  const labels = JSON.parse(document.getElementById("live-labels").textContent);
  const T = labels.texts;
  const isCoach = root.dataset.coach === "1";
  const writes = root.dataset.role !== "gast";
  const werkvormen = isCoach ? JSON.parse(document.getElementById("live-werkvormen").textContent) : [];
  const $ = (id) => document.getElementById(id);
  const PRIVATE_FIRST = ["kandoe", "beginsituatie-analyse"];  // boards.PRIVATE_FIRST
  let socket = null;
  let state = null;
  let deadline = 0;
  let oaseDeadline = null;
  let turnDeadline = null;
  let retry = 0;
  // A refused card command answers next to its card, not at the top of the page: each card
  // command carries a ref the refusal brings back. What someone typed as "why" stays typed.
  const cardRefs = new Map();
  const cardErrors = new Map();
  const reasonDrafts = new Map();
  let refCount = 0;
  let lostFocus = null;
  const chosenToMerge = new Set();  // the coach's ticks survive a redraw  // a control that had focus and left one list for another (parking)

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    });
    children.forEach((child) => child && node.appendChild(child));
    return node;
  }

  function send(command) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
  }

  // The shared state is the same for everyone; the members' part (who wrote a card, who
  // brings in an OASE case and what they take from it, who is speaking) comes only to
  // members; the viewer part says which cards are mine, restores the text and "why" of my own
  // cards that stay hidden for the others, and says whether it is my turn or my OASE case.
  function withViewer(shared, viewer, names) {
    const mine = new Set(viewer.mine);
    const members = names || {};
    const authors = members.cards || {};
    shared.me = viewer.me;
    shared.is_coach = viewer.is_coach;
    shared.written = viewer.written;
    shared.names = Boolean(names);
    shared.my_turn = viewer.my_turn;
    shared.turn_name = members.turn || "";
    shared.order = members.order || [];
    shared.cards.forEach((card) => {
      card.mine = mine.has(card.id);
      card.author = authors[card.id] || "";
      if (Object.prototype.hasOwnProperty.call(viewer.own, card.id)) {
        card.text = viewer.own[card.id].text;
        card.why = viewer.own[card.id].why;
        card.hidden = false;
      }
    });
    const inbrengers = members.inbrengers || {};
    const evaluaties = members.evaluaties || {};
    const bringsIn = new Set(viewer.inbrenger_in);
    Object.entries(shared.oase || {}).forEach(([blok, round]) => {
      round.inbrenger_name = inbrengers[blok] || "";
      round.evaluatie = evaluaties[blok] || "";
      round.mine = bringsIn.has(blok);
    });
    return shared;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.wsPath);
    $("live-status").textContent = retry ? T.reconnecting : T.connecting;
    socket.onopen = () => { retry = 0; $("live-status").textContent = T.connected; };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "error") {
        if (!refuseAtCard(message)) $("live-error").textContent = message.message;
        return;
      }
      $("live-error").textContent = "";
      if (message.type === "cards") {
        // One changed card; if we missed a change in between, ask for the whole state.
        if (!state || state.version !== message.state.base) { send({ type: "sync" }); return; }
        const delta = withViewer({ cards: message.state.cards }, message.viewer, message.names);
        delta.cards.forEach((card) => {
          const index = state.cards.findIndex((c) => c.id === card.id);
          if (index < 0) state.cards.push(Object.assign({ members: [] }, card));
          else state.cards[index] = Object.assign(state.cards[index], card);
        });
        state.version = message.state.version;
      } else {
        state = withViewer(message.state, message.viewer, message.names);
        state.receivedAt = performance.now() / 1000;  // the clocks count from here
      }
      render();
    };
    socket.onclose = (event) => {
      if (event.code === 4403) { $("live-status").textContent = T.refused; return; }
      if (event.code === 4001) { location.reload(); return; }  // my role changed
      $("live-status").textContent = T.reconnecting;
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, 500 * 2 ** retry);
    };
  }

  function currentBlok() {
    return state && state.blokken.find((b) => b.id === state.current_blok);
  }

  function stepName(b) {
    // A werkvorm's name in the reader's own language: the state is one for every screen.
    const title = b.title || labels.werkvormen[b.werkvorm] || b.werkvorm_name;
    return `${labels.stappen[b.stap]}${title ? " · " + title : ""}`;
  }

  // Which moment of the session this is: it decides which controls each person sees.
  function phaseOf(blok) {
    if (state.ended) return "ended";
    if (!blok) return "before";
    if (blok.stap === "checkout") return "checkout";
    if (isRound(blok)) return "round";
    if (blok.board === "oase") return "oase";
    return "board";
  }

  // Exactly the controls of this moment: the coach's steering, and what an ended session
  // still offers (what comes next) instead of a clock.
  function showControls(blok, phase) {
    const over = phase === "ended";
    root.dataset.state = phase;
    $("live-ended").hidden = !over;
    $("live-timer").hidden = over || !blok;
    root.querySelector(".live-join").hidden = over;  // nobody joins an ended session
    $("live-current").textContent = over ? T.over : blok ? stepName(blok) : T.notStarted;
    if (!isCoach) return;
    const last = state.blokken.length ? state.blokken[state.blokken.length - 1].id : null;
    const shown = {
      "step.pause": Boolean(blok) && state.running && !over,
      "step.resume": Boolean(blok) && !state.running && !over,
      "step.extend": Boolean(blok) && !over,
      "step.next": !over && last !== null && state.current_blok !== last,
      "turn.next": !over && !$("live-round").hidden && Boolean(state.turn),
      "board.reveal": !over && Boolean(blok) && PRIVATE_FIRST.includes(blok.board) &&
        !state.revealed_blokken.includes(blok.id),
    };
    Object.entries(shown).forEach(([command, visible]) => {
      root.querySelector(`.live-controls [data-command='${command}']`).hidden = !visible;
    });
    root.querySelector(".live-controls").hidden = over;
    root.querySelector(".live-vragen").hidden = over;
    if ($("live-end-note")) $("live-end-note").hidden = over;
  }

  // A control that just went out of sight (Pauze once paused, "Ik pas" once passed) leaves
  // the keyboard's focus with its neighbour, never on <body>.
  function keepFocus(focused) {
    if (!focused || !root.contains(focused) || !focused.closest("[hidden]")) return;
    const next = [...root.querySelectorAll(".live-controls button")].find((b) => !b.closest("[hidden]"));
    (next || $("live-current")).focus();
  }

  function render() {
    const focused = document.activeElement;
    deadline = state.receivedAt + state.remaining;
    const blok = currentBlok();
    const steps = $("live-steps");
    steps.replaceChildren(...state.blokken.map((b) => {
      const item = stepItem(b, b.id === state.current_blok);
      if (isCoach && !state.ended) item.appendChild(stepControls(b));
      return item;
    }));
    renderRound(blok);
    renderOase(blok);
    renderKandoe(blok);
    renderBoard(blok);
    renderParking();
    showControls(blok, phaseOf(blok));
    if (isCoach) {
      $("live-merge").hidden = !blok || !PRIVATE_FIRST.includes(blok.board) || state.ended;
      document.querySelectorAll(".live-save").forEach((form) => {  // kept once shown to all
        form.hidden = !blok || form.dataset.blok !== String(blok.id) ||
          !(state.ended || state.revealed_blokken.includes(blok.id));
      });
      document.querySelectorAll("#live-vragen li").forEach((li) => {
        li.hidden = !blok || !li.dataset.steps.split(" ").includes(blok.stap);
      });
    }
    if (state.ended) $("live-status").textContent = T.ended;
    keepFocus(focused);
    tick();
  }

  // The current step says so in words and with a mark, not only in its colour.
  function stepItem(b, current) {
    const item = el("li", { class: current ? "current" : "", "data-blok": b.id },
      current ? el("span", { "aria-hidden": "true", text: "▶ " }) : null,
      el("span", { text: `${stepName(b)} (${b.minutes}′)` }),
      current ? el("span", { class: "visually-hidden", text: ` ${T.now}` }) : null);
    if (current) item.setAttribute("aria-current", "step");
    return item;
  }

  function stepControls(b) {
    const controls = el("span", { class: "step-controls" },
      el("button", { type: "button", class: "small secondary", text: T.start,
        onclick: () => send({ type: "step.start", blok: b.id }) }),
      el("button", { type: "button", class: "small secondary", text: "↑", "aria-label": T.up,
        onclick: () => send({ type: "blok.move", blok: b.id, direction: "up" }) }),
      el("button", { type: "button", class: "small secondary", text: "↓", "aria-label": T.down,
        onclick: () => send({ type: "blok.move", blok: b.id, direction: "down" }) }));
    const select = el("select", { "aria-label": T.werkvorm, "data-werkvorm-for": b.id },
      el("option", { value: "", text: T.noWerkvorm }));
    werkvormen.filter((w) => w.steps.includes(b.stap) || w.id === b.werkvorm)
      .forEach((w) => select.appendChild(el("option", { value: w.id, text: w.name })));
    select.value = b.werkvorm ? String(b.werkvorm) : "";
    select.addEventListener("change", () =>
      send({ type: "blok.werkvorm", blok: b.id, werkvorm: select.value ? Number(select.value) : null }));
    controls.appendChild(select);
    return controls;
  }

  function isRound(blok) {
    return blok.stap === "checkin" || blok.stap === "checkout";
  }

  function renderRound(blok) {
    const oase = blok && blok.board === "oase" && state.oase[String(blok.id)];
    const round = blok && isRound(blok);
    const kandoe = blok && blok.board === "kandoe" && state.turn;
    $("live-round").hidden = !(round || oase || kandoe) || state.ended;
    $("round-note").hidden = Boolean(kandoe);
    if ($("round-setup")) $("round-setup").hidden = Boolean(kandoe);
    $("live-turn").textContent = state.turn ? state.turn_name || T.someone : T.nobody;
    $("live-my-turn").hidden = !state.my_turn || state.ended || Boolean(kandoe);  // KanDoe says it itself
    turnDeadline = state.turn_remaining === null ? null : state.receivedAt + state.turn_remaining;
    document.querySelector("[data-command='turn.pass']").hidden = !state.my_turn || state.ended;
    const write = $("round-write");
    if (write) write.hidden = !round;
    if ($("checkout-link")) $("checkout-link").hidden = !blok || blok.stap !== "checkout";
    const written = round ? state.written.filter((w) => w.blok === blok.id) : [];
    $("round-written").replaceChildren(...written.map((w) => el("li", {},
      el("span", { text: w.text }),
      el("span", { class: "meta", text: " — " + [w.mine ? T.you : w.name, labels.audiences[w.audience]]
        .filter(Boolean).join(" · ") }))));
  }

  function kandoeGame(blok) {
    return blok && state.kandoe ? state.kandoe[String(blok.id)] : null;
  }

  // One card per turn, of someone else, one ring inwards: the button shows only on my turn.
  function mayMoveInward(card, blok) {
    const game = kandoeGame(blok);
    const everyones = card.members.length > 0;  // merged by the coach: the group's card
    return Boolean(game) && !game.ended && state.my_turn && (!card.mine || everyones) &&
      blok.zones.indexOf(card.zone) > 0;
  }

  function renderKandoe(blok) {
    const panel = $("live-kandoe");
    panel.hidden = !blok || blok.board !== "kandoe";
    if (panel.hidden) return;
    const game = kandoeGame(blok);
    $("kandoe-vraag").textContent = game ? game.startvraag : "";
    let stand = T.kandoeAsk;
    if (game && game.ended) stand = game.einde === "stil" ? T.kandoeQuiet : T.kandoeRounded;
    else if (game && !state.revealed_blokken.includes(blok.id)) stand = T.kandoeWrite;
    else if (game) stand = T.kandoeRound.replace("%(n)s", game.ronde) + (state.my_turn ? " · " + T.yourTurn : "");
    $("kandoe-stand").textContent = stand;
    if ($("kandoe-setup")) $("kandoe-setup").hidden = state.ended;
    if ($("kandoe-end")) $("kandoe-end").hidden = !game || game.ended || state.ended;
  }

  function cardNode(card, blok) {
    const meta = [card.mine ? T.mine : "", card.author || (card.mine || !state.names ? "" : T.anonymous)]
      .filter(Boolean).join(" · ");
    const node = el("div", { class: "live-card" + (card.mine ? " mine" : ""), "data-card": card.id },
      el("div", { class: "text", text: card.hidden ? T.hidden : card.text }),
      card.why ? el("div", { class: "meta", text: card.why }) : null,
      card.reasons && card.reasons.length ? el("ul", { class: "reasons", "aria-label": T.reasons },
        ...card.reasons.map((text) => el("li", { text }))) : null,
      card.members.length ? el("ul", { class: "cluster" }, ...card.members.map((text) => el("li", { text }))) : null,
      el("div", { class: "meta", text: meta }));
    // A card still hidden here is someone else's (my own come back with their text): until the
    // coach shows the board, only its author moves or parks it.
    if (state.ended || !writes || card.hidden) return node;
    const actions = el("div", { class: "actions" });
    const version = card.version;
    const refused = cardErrors.get(card.id);
    if (isCoach && (blok.board === "kandoe" || blok.board === "beginsituatie-analyse")) {
      const tick = el("input", { type: "checkbox", "data-merge": card.id, "aria-label": T.select,
        "data-focus": `${card.id}:merge`,
        onchange: () => (tick.checked ? chosenToMerge.add(card.id) : chosenToMerge.delete(card.id)) });
      tick.checked = chosenToMerge.has(card.id);
      actions.appendChild(tick);
    }
    if (blok.board === "kandoe") {
      const ring = blok.zones.indexOf(card.zone);
      if (mayMoveInward(card, blok)) {
        const reason = el("input", { "aria-label": T.reason, placeholder: T.reason, maxlength: "300",
          "data-focus": `${card.id}:reason`, oninput: () => reasonDrafts.set(card.id, reason.value) });
        reason.value = reasonDrafts.get(card.id) || "";
        if (refused && refused.version === version) {
          reason.setAttribute("aria-invalid", "true");
          reason.setAttribute("aria-describedby", `card-error-${card.id}`);
        }
        actions.append(reason, el("button", { type: "button", class: "small", text: T.inward,
          "data-focus": `${card.id}:inward`,
          onclick: () => sendForCard(card, { type: "card.move", card: card.id, version,
                                             zone: blok.zones[ring - 1], reason: reason.value }) }));
      }
    } else if (blok.zones.length > 1) {
      const select = el("select", { "aria-label": T.move, "data-focus": `${card.id}:move` });
      blok.zones.forEach((zone) => select.appendChild(el("option", { value: zone, text: labels.zones[zone] })));
      select.value = card.zone;
      select.addEventListener("change", () =>
        sendForCard(card, { type: "card.move", card: card.id, version, zone: select.value }));
      actions.appendChild(select);
    }
    actions.appendChild(el("button", { type: "button", class: "small secondary", text: card.parked ? T.unpark : T.park,
      "data-focus": `${card.id}:park`, onclick: () => sendForCard(card, { type: "card.park", card: card.id, version }) }));
    node.appendChild(actions);
    if (refused && refused.version === version) node.appendChild(cardError(card.id, refused.message, false));
    return node;
  }

  function cardError(id, message, announce) {
    const attrs = { class: "field-error card-error", id: `card-error-${id}`, text: message };
    if (announce) attrs.role = "alert";  // said once, when it happens; not again on each redraw
    return el("p", attrs);
  }

  function sendForCard(card, command) {
    refCount += 1;
    const ref = `card-${card.id}-${refCount}`;
    cardRefs.set(ref, card.id);
    cardErrors.delete(card.id);
    const shown = document.getElementById(`card-error-${card.id}`);
    if (shown) shown.remove();
    send(Object.assign(command, { ref }));
  }

  // The refusal of a command about one card, shown and announced at that card; false when the
  // card is not on the screen (then the page's own error line says it).
  function refuseAtCard(message) {
    const id = cardRefs.get(message.ref);
    cardRefs.delete(message.ref);
    const card = id === undefined || !state ? null : state.cards.find((c) => c.id === id);
    const node = card && document.querySelector(`#live [data-card='${id}']`);
    if (!node) return false;
    cardErrors.set(id, { message: message.message, version: card.version });
    node.appendChild(cardError(id, message.message, true));
    const reason = node.querySelector("[data-focus$=':reason']");
    if (reason) {
      reason.setAttribute("aria-invalid", "true");
      reason.setAttribute("aria-describedby", `card-error-${id}`);
    }
    return true;
  }

  // Redrawing the board must not drop the keyboard's place: the control that had focus gets it back.
  function keepingFocus(draw) {
    const active = document.activeElement;
    const key = active && active !== document.body ? active.dataset.focus : lostFocus;
    draw();
    if (!key) return;
    // the control may be gone (the move was made, the turn passed): then the card keeps focus
    const again = root.querySelector(`[data-focus='${key}']`) ||
      root.querySelector(`[data-card='${key.split(":")[0]}']`);
    if (!again) {  // the card went to the other list, drawn next in this same render
      lostFocus = key;
      setTimeout(() => { lostFocus = null; }, 0);
      return;
    }
    lostFocus = null;
    if (again === document.activeElement) return;
    if (again.classList.contains("live-card")) again.setAttribute("tabindex", "-1");
    again.focus();
    if (again.tagName === "INPUT") again.setSelectionRange(again.value.length, again.value.length);
  }

  function renderBoard(blok) {
    const board = $("live-board");
    const add = $("live-add");
    if (!blok || isRound(blok)) {  // a round is for talking (or writing), not for cards
      board.replaceChildren(blok ? "" : el("p", { class: "muted", text: state.ended ? T.ended : T.noStep }));
      if (add) add.hidden = true;
      return;
    }
    const cards = state.cards.filter((c) => c.blok === blok.id && !c.parked);
    // KanDoe's cards start in the outer ring and move in, so the outer ring comes first; every
    // other board keeps the order of its werkvorm (borgen, bannen, beginnen; SWOT).
    const columns = blok.board === "kandoe" ? blok.zones.slice().reverse() : blok.zones;
    keepingFocus(() => board.replaceChildren(el("div", { class: "live-zones" }, ...columns.map((zone) =>
      el("div", { class: "live-zone", "data-zone": zone },
        el("h3", { text: labels.zones[zone] }),
        ...cards.filter((c) => c.zone === zone).map((c) => cardNode(c, blok)))))));
    if (!add) return;
    const game = kandoeGame(blok);
    add.hidden = state.ended || (blok.board === "kandoe" && (!game || game.ended)) ||
      (blok.board === "oase" && !state.oase[String(blok.id)]);
    const select = $("live-card-zone");
    const zones = blok.board === "kandoe" ? [blok.zones[blok.zones.length - 1]] : blok.zones;
    if (select.dataset.blok !== String(blok.id)) {
      select.replaceChildren(...zones.map((zone) => el("option", { value: zone, text: labels.zones[zone] })));
      select.dataset.blok = String(blok.id);
    }
    select.hidden = zones.length < 2;
    document.querySelector("label[for=live-card-zone]").hidden = zones.length < 2;
  }

  function renderOase(blok) {
    const panel = $("live-oase");
    panel.hidden = !blok || blok.board !== "oase";
    oaseDeadline = null;
    if (panel.hidden) return;
    const round = state.oase[String(blok.id)];
    const setup = $("oase-setup");
    if (setup) {
      const select = $("oase-inbrenger-select");
      if (select.options.length !== state.order.length) {
        select.replaceChildren(...state.order.map((p) => el("option", { value: p.id, text: p.name })));
      }
      setup.hidden = Boolean(round) || state.ended;
      $("oase-next").hidden = !round || round.fase === "evaluatie" || state.ended;
    }
    $("oase-thema").textContent = round ? round.thema : "";
    $("oase-inbrenger").textContent = round && round.inbrenger_name ? `${T.inbrenger} ${round.inbrenger_name}` : "";
    $("oase-fase").textContent = round ? labels.zones[round.fase] : "";
    $("oase-prompt").textContent = round ? T[round.fase] : "";
    $("oase-evaluatie-tekst").textContent = round ? round.evaluatie : "";
    $("oase-evaluate").hidden = !round || round.fase !== "evaluatie" || !round.mine || state.ended;
    if (round && !state.ended) oaseDeadline = state.receivedAt + round.fase_remaining;
    else $("oase-timer").textContent = "";
  }

  function renderParking() {
    keepingFocus(() => $("live-parking").replaceChildren(...state.cards.filter((c) => c.parked).map((card) => {
      const blok = state.blokken.find((b) => b.id === card.blok);
      return el("li", {}, cardNode(card, blok));
    })));
  }

  function clock(seconds) {
    return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  }

  function tick() {
    if (!state || state.ended) return;
    const timer = $("live-timer");
    const left = state.running ? deadline - performance.now() / 1000 : state.remaining;
    const seconds = Math.max(0, Math.round(left));
    const up = currentBlok() && left <= 0 && !state.ended;
    timer.textContent = clock(seconds) + (state.running || !currentBlok() ? "" : ` (${T.paused})`) +
      (up ? ` · ${T.timeOver}` : "");
    timer.classList.toggle("time-up", Boolean(up));
    timer.title = up ? T.timeUp : "";
    if (up && $("live-status").textContent !== T.timeUp) $("live-status").textContent = T.timeUp;
    if (turnDeadline !== null) {
      const turn = Math.round(turnDeadline - performance.now() / 1000);
      $("live-turn-timer").textContent = turn >= 0 ? `(${clock(turn)})` : `(${T.turnOver})`;
    } else {
      $("live-turn-timer").textContent = "";
    }
    if (oaseDeadline !== null) {
      const phase = Math.max(0, Math.round(oaseDeadline - performance.now() / 1000));
      $("oase-timer").textContent = clock(phase);
    }
  }

  root.querySelectorAll("[data-command]").forEach((button) => {
    button.addEventListener("click", () => {
      const command = { type: button.dataset.command };
      if (button.dataset.minutes) command.minutes = Number(button.dataset.minutes);
      send(command);
    });
  });

  function on(id, handler) {
    const form = $(id);
    if (form) form.addEventListener("submit", (event) => { event.preventDefault(); handler(); });
  }

  on("round-setup", () => send({ type: "round.setup", seconds: Number($("round-seconds").value),
                                  clock: $("round-clock").checked }));
  on("round-write", () => {
    send({ type: "round.write", blok: currentBlok().id, text: $("round-text").value,
           audience: $("round-audience").value });
    $("round-text").value = "";
  });
  on("kandoe-setup", () => send({ type: "kandoe.setup", blok: currentBlok().id,
                                   startvraag: $("kandoe-vraag-input").value }));
  if ($("kandoe-end")) $("kandoe-end").addEventListener("click", () =>
    send({ type: "kandoe.end", blok: currentBlok().id }));
  on("live-share", () => send({ type: "session.share", audience: $("live-share-audience").value }));

  if ($("live-add")) $("live-add").addEventListener("submit", (event) => {
    event.preventDefault();
    const blok = currentBlok();
    const text = $("live-card-text");
    if (!blok || !text.value.trim()) return;
    send({ type: "card.add", blok: blok.id, text: text.value, zone: $("live-card-zone").value,
           why: $("live-card-why").value, named: $("live-card-named").checked });
    text.value = "";
    $("live-card-named").checked = false;  // each card is a choice of its own
    $("live-card-why").value = "";
  });

  if ($("oase-setup")) {
    $("oase-setup").addEventListener("submit", (event) => {
      event.preventDefault();
      const minutes = [...document.querySelectorAll("[data-oase-minutes]")].map((input) => input.value);
      const command = { type: "oase.setup", blok: currentBlok().id,
                        inbrenger: Number($("oase-inbrenger-select").value), thema: $("oase-thema-input").value };
      if (minutes.every(Boolean)) command.minutes = minutes.map(Number);
      send(command);
    });
    $("oase-next").addEventListener("click", () => send({ type: "oase.next", blok: currentBlok().id }));
  }
  $("oase-evaluate").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ type: "oase.evaluate", blok: currentBlok().id, text: $("oase-evaluatie").value });
  });

  if (isCoach) {
    $("live-merge-button").addEventListener("click", () => {
      const cards = [...document.querySelectorAll("[data-merge]:checked")].map((box) => Number(box.dataset.merge));
      send({ type: "card.merge", cards, text: $("live-merge-text").value });
      $("live-merge-text").value = "";
    });
  }

  setInterval(tick, 250);
  connect();
})();
