// Vigil fleet pages: the hosts that push their logs, grouped by state with a sparkline each (fleet.html), and one
// host's day (fleet.html?host=NAME). Everything from the server is set as text, never as markup; the API key is the
// dashboard's (sessionStorage, sent as X-Api-Key).
"use strict";

keepApiKey(show);

function stateText(h) { return h.state === "learning" ? `learning (${h.learning_hours} of 168 hours)` : h.state; }

function sparkline(values) {
  const svg = el("svg:svg", { class: "spark", viewBox: "0 0 120 24", preserveAspectRatio: "none", "aria-hidden": "true" });
  if (values.length > 1) {
    const max = Math.max(1, ...values);
    const points = values.map((v, i) => `${(i * 120 / (values.length - 1)).toFixed(1)},${(23 - v / max * 22).toFixed(1)}`).join(" ");
    svg.append(el("svg:polyline", { points }));
  }
  return svg;
}


async function showFleet() {
  const hosts = await api("/hosts");
  document.getElementById("host-count").textContent = `(${hosts.length})`;
  const groups = document.getElementById("groups");
  groups.replaceChildren();
  for (const state of ["anomalous", "learning", "ok"]) {
    const members = hosts.filter(h => h.state === state);
    if (members.length === 0) continue;
    const group = el("div", { class: `group ${state}`, "data-state": state });
    group.append(el("h3", {}, `${state} (${members.length})`));
    const list = el("ul", { class: "hosts" });
    for (const h of members) {
      const link = el("a", { href: `fleet.html?host=${encodeURIComponent(h.host)}`, class: "host", "data-host": h.host });
      link.append(el("span", { class: "name" }, h.host), sparkline(h.sparkline));
      link.append(el("span", { class: "detail" }, `${stateText(h)} · ${h.events_per_hour} events/h · last event ${fmt(h.last_event)}`));
      const item = el("li");
      item.append(link);
      list.append(item);
    }
    group.append(list);
    groups.append(group);
  }
  if (hosts.length === 0) groups.append(el("p", {}, "No host has pushed logs yet (OTLP /v1/logs, syslog, vigil forward)."));
}

function drawHostChart(hours) {
  const svg = document.getElementById("host-chart");
  const width = Math.max(svg.clientWidth, 300), height = Math.max(svg.clientHeight, 150);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const left = 40, top = 10, bottom = 20, plotW = width - left - 8, plotH = height - top - bottom;
  const max = Math.max(1, ...hours.map(h => h.total));
  const step = plotW / Math.max(1, hours.length);
  svg.append(el("svg:text", { x: 4, y: top + 4 }, String(max)), el("svg:text", { x: 4, y: top + plotH }, "0"));
  hours.forEach((h, i) => {
    const group = el("svg:g", { class: "hour" + (h.anomalous ? " anomalous" : ""), "data-hour": h.hour });
    const barH = Math.max(0.5, h.total / max * plotH);
    group.append(el("svg:rect", { class: "bar", x: left + i * step + step * 0.1, y: top + plotH - barH, width: Math.max(0.5, step * 0.8), height: barH }));
    group.append(el("svg:title", {}, `${h.hour} UTC: ${h.total} events, ${h.errors} errors${h.anomalous ? " (anomalous)" : ""}`));
    svg.append(group);
    if (i % 6 === 0) svg.append(el("svg:text", { x: left + i * step, y: height - 4 }, h.hour.slice(11, 16)));
  });
}

async function showHost(name) {
  document.getElementById("fleet").hidden = true;
  document.getElementById("host").hidden = false;
  document.getElementById("host-name").textContent = name;
  const host = (await api("/hosts")).find(h => h.host === name);
  if (!host) throw new Error(`no host '${name}' has pushed logs`);
  const state = document.getElementById("host-state");
  state.textContent = stateText(host);
  state.className = `state ${host.state}`;
  // Today: the 24 hours up to the host's newest event.
  const end = new Date(host.last_event);
  end.setUTCMinutes(0, 0, 0);
  end.setUTCHours(end.getUTCHours() + 1);
  const from = new Date(end.getTime() - 24 * 3600 * 1000);
  const query = `host=${encodeURIComponent(name)}&from=${from.toISOString()}&to=${end.toISOString()}`;
  const [rows, verdicts, feedback] = await Promise.all([api(`/hours?${query}`), api(`/anomalies?${query}`), api("/feedback")]);
  // An hour is already marked when a false alarm names this host or no host (every host).
  const marked = new Set(feedback.filter(f => f.host == null || f.host === name).map(f => f.hour_timestamp));
  const anomalies = verdicts.filter(a => a.current !== false); // older models' verdicts stay in the API as the audit trail
  const byHour = new Map();
  for (const r of rows) {
    const h = byHour.get(r.hour_timestamp) || { hour: r.hour_timestamp, total: 0, errors: 0, anomalous: false };
    h.total += r.total_events; h.errors += r.error_count; h.anomalous ||= r.is_anomaly;
    byHour.set(r.hour_timestamp, h);
  }
  document.getElementById("host-range").textContent = `(${fmt(from.toISOString())} – ${fmt(end.toISOString())} UTC)`;
  drawHostChart([...byHour.values()].sort((a, b) => a.hour.localeCompare(b.hour)));
  const facts = [["sources", host.sources.map(s => `${s.source}: ${s.state === "learning" ? `learning (${s.learning_hours} of 168 hours)` : s.state}`).join(", ")],
    ["last event", fmt(host.last_event)], ["last scored hour", fmt(host.last_verdict)], ["events per hour", String(host.events_per_hour)]];
  document.getElementById("host-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  document.getElementById("host-anomaly-count").textContent = `(${anomalies.length})`;
  const list = document.getElementById("host-anomalies");
  list.replaceChildren(...anomalies.slice().reverse().map(a => {
    const item = el("li", { class: "anomaly" });
    item.append(el("div", { class: "when" }, `${a.hour_timestamp} UTC · ${a.source}`));
    item.append(reasonList(a));
    item.append(falseAlarmControl(a.hour_timestamp, marked, name));
    return item;
  }));
  if (anomalies.length === 0) list.append(el("li", {}, "No anomalous hours today."));
  await showMaintenance(name);
}

// The windows that silence this host (its own and every host's) that have not ended, and a form to start one now.
async function showMaintenance(name) {
  const now = Date.now();
  const windows = (await api("/maintenance")).filter(w => (w.host == null || w.host === name) && Date.parse(w.to) > now);
  const list = document.getElementById("host-maintenance");
  list.replaceChildren(...windows.map(w => {
    const item = el("li", { class: "window", "data-id": String(w.id) });
    item.append(el("span", {}, `${fmt(w.from)} – ${fmt(w.to)} UTC${w.host == null ? " (every host)" : ""}${w.reason ? ` · ${w.reason}` : ""}`));
    if (w.host != null) {
      const remove = el("button", { type: "button", class: "remove" }, "End");
      remove.addEventListener("click", async () => {
        remove.disabled = true;
        try {
          await api(`/maintenance/${w.id}`, { method: "DELETE" });
          say(`Maintenance on ${name} removed; its hours page again.`);
          await showMaintenance(name);
        } catch (e) { remove.disabled = false; say(e.message, true); }
      });
      item.append(remove);
    }
    return item;
  }));
  if (windows.length === 0) list.append(el("li", {}, "No maintenance window now or ahead."));
}

function startMaintenanceOnSubmit() {
  const form = document.getElementById("maintenance-form");
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const name = new URLSearchParams(location.search).get("host");
    const hours = Number(document.getElementById("maintenance-hours").value);
    const from = new Date();
    const to = new Date(from.getTime() + hours * 3600 * 1000);
    const reason = document.getElementById("maintenance-reason").value.trim();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      await api("/maintenance", { method: "POST", body: JSON.stringify({ from: from.toISOString(), to: to.toISOString(), reason: reason || null, host: name }) });
      say(`${name} is in maintenance until ${fmt(to.toISOString())} UTC: its hours are scored, never paged.`);
      document.getElementById("maintenance-reason").value = "";
      await showMaintenance(name);
    } catch (err) {
      say(err.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

async function show() {
  const name = new URLSearchParams(location.search).get("host");
  try {
    await (name ? showHost(name) : showFleet());
    document.body.dataset.loaded = "true";
  } catch (e) {
    say(e.status === 401 ? "This server needs its API key: enter it above (vigil serve printed it)." : `Could not load: ${e.message}`, true);
  }
}

startMaintenanceOnSubmit();
show();
