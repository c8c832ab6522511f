// Vigil dashboard: plain JavaScript against the same API any client uses. The server's API key is kept in this tab's
// sessionStorage (gone when the tab closes, never sent by the browser on its own, so no other site can ride on it) and
// sent as X-Api-Key. The link serve prints carries it once in the #fragment, which never reaches a server or a log.
"use strict";

const detectButton = document.getElementById("detect");
let lastHours = [];

const fromLink = new URLSearchParams(location.hash.slice(1)).get("key");
if (fromLink) {
  sessionStorage.setItem("vigil.apiKey", fromLink);
  history.replaceState(null, "", location.pathname + location.search);
}
keepApiKey(refresh);

function drawChart(hours) {
  const svg = document.getElementById("chart");
  const width = Math.max(svg.clientWidth, 300), height = Math.max(svg.clientHeight, 150);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  if (hours.length === 0) {
    svg.append(el("svg:text", { x: 20, y: 40 }, "No stored hours yet: run setup, then detection."));
    return;
  }

  const left = 40, right = 8, top = 14, bottom = 22;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(1, ...hours.map(h => h.total_events));
  const step = plotW / hours.length;
  const x = i => left + i * step + step / 2;
  const y = v => top + plotH - (v / max) * plotH;

  svg.append(el("svg:line", { class: "axis", x1: left, y1: top + plotH, x2: width - right, y2: top + plotH }));
  svg.append(el("svg:text", { x: 4, y: top + 4 }, String(max)));
  svg.append(el("svg:text", { x: 4, y: top + plotH }, "0"));

  // One date label per day, fewer when days are narrower than a label.
  const daysPerLabel = Math.max(1, Math.ceil(70 / (step * 24)));
  let midnights = 0;
  hours.forEach((h, i) => {
    const group = el("svg:g", { class: "hour" + (h.is_anomaly ? " anomalous" : "") + (h.suppressed ? " suppressed" : ""), "data-hour": h.hour_timestamp });
    // Hours inside a maintenance window are shaded: scored and kept, never alerted.
    if (h.suppressed) group.append(el("svg:rect", { class: "maintenance", x: left + i * step, y: top, width: step, height: plotH }));
    const barH = Math.max(0.5, (h.total_events / max) * plotH);
    group.append(el("svg:rect", { class: "bar", x: left + i * step + step * 0.1, y: top + plotH - barH, width: Math.max(0.5, step * 0.8), height: barH }));
    group.append(el("svg:title", {}, `${h.hour_timestamp} UTC: ${h.total_events} events, ${h.error_count} errors, ${h.warning_count} warnings` +
      (h.scored ? `, score ${h.anomaly_score.toFixed(3)}${h.is_anomaly ? " (anomalous)" : ""}` : "") + (h.suppressed ? ", maintenance window" : "")));
    if (h.is_anomaly) group.append(el("svg:circle", { class: "anomaly-marker", cx: x(i), cy: Math.max(top, y(h.total_events) - 6), r: 4 }));
    svg.append(group);
    if (h.hour_timestamp.endsWith(" 00:00:00") && midnights++ % daysPerLabel === 0) {
      svg.append(el("svg:text", { x: left + i * step, y: height - 6 }, h.hour_timestamp.slice(5, 10)));
    }
  });

  for (const [field, cls] of [["error_count", "errors"], ["warning_count", "warnings"]]) {
    const points = hours.map((h, i) => `${x(i).toFixed(1)},${y(h[field]).toFixed(1)}`).join(" ");
    svg.append(el("svg:polyline", { class: `line ${cls}`, points }));
  }
}

function showAnomalies(all, marked = new Set()) {
  // /anomalies keeps every model's verdict (the audit trail); the list shows each hour's current one.
  const anomalies = all.filter(a => a.current !== false);
  const list = document.getElementById("anomalies");
  document.getElementById("anomaly-count").textContent = `(${anomalies.length})`;
  list.replaceChildren(...anomalies.slice().reverse().map(a => {
    const item = el("li", { class: "anomaly" });
    item.append(el("div", { class: "when" }, `${a.hour_timestamp} UTC`));
    item.append(el("div", { class: "counts" }, `${a.total_events} events, ${a.error_count} errors, ${a.warning_count} warnings · score ${a.anomaly_score.toFixed(3)} · model ${a.model_id}`));
    item.append(reasonList(a));
    item.append(falseAlarmControl(a.hour_timestamp, marked));
    return item;
  }));
  if (anomalies.length === 0) list.append(el("li", {}, "No anomalous hours in this range."));
}

function showStatus(status) {
  const rows = [
    ["model", status.model_exists ? status.model_kind : (status.model_problem || "none: run setup first")],
    ["trained at", status.trained_at ? fmt(status.trained_at) : "–"],
    ["trained on", status.training_from ? `${status.training_hours} hours, ${fmt(status.training_from)} – ${fmt(status.training_to)}` : "–"],
    ["model source", status.source || "–"],
    ["configured source", status.configured_source],
    ["scheduler", status.scheduler_enabled ? `every hour at :${String(status.schedule_minute).padStart(2, "0")}` + (status.next_scheduled_run ? `, next ${fmt(status.next_scheduled_run)}` : "") : "off"],
    ["running", status.running_job_id || "nothing"],
  ];
  document.getElementById("status").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function showRuns(runs) {
  document.querySelector("#runs tbody").replaceChildren(...runs.map(r => {
    const row = el("tr", { class: "run" });
    const result = r.succeeded === null ? "did not finish" : r.message;
    for (const [text, cls] of [[r.id], [r.kind], [fmt(r.started_at)], [`${fmt(r.range_start)} – ${fmt(r.range_end)}`], [result, r.succeeded === false ? "failed" : ""]]) {
      row.append(el("td", cls ? { class: cls } : {}, String(text)));
    }
    return row;
  }));
}

async function refresh() {
  try {
    const health = await api("/health").catch(e => ({ status: "unhealthy" }));
    const pill = document.getElementById("health");
    pill.textContent = health.status;
    pill.className = `pill ${health.status}`;
    const [status, hours, anomalies, runs, feedback] = await Promise.all([api("/status"), api("/hours"), api("/anomalies"), api("/runs?limit=10"), api("/feedback")]);
    lastHours = hours;
    document.getElementById("range").textContent = hours.length ? `(${hours[0].hour_timestamp.slice(0, 16)} – ${hours[hours.length - 1].hour_timestamp.slice(0, 16)} UTC)` : "";
    drawChart(hours);
    // This page is the single-host dashboard: only false alarms of every host mark its hours (not one fleet host's).
    showAnomalies(anomalies, new Set(feedback.filter(f => f.host == null).map(f => f.hour_timestamp)));
    showStatus(status);
    showRuns(runs);
    document.body.dataset.loaded = "true";
  } catch (e) {
    say(e.status === 401 ? "This server needs its API key: enter it above (vigil serve printed it, and where it is kept)." : `Could not load: ${e.message}`, true);
  }
}

detectButton.addEventListener("click", async () => {
  detectButton.disabled = true;
  say("Running detection…");
  try {
    const hours = await api("/detect", { method: "POST", body: "{}" });
    const flagged = hours.filter(h => h.is_anomaly).length;
    say(`Detection done: ${hours.length} hours scored, ${flagged} anomalous.`);
    await refresh();
  } catch (e) {
    say(`Detection failed: ${e.message}`, true);
  } finally {
    detectButton.disabled = false;
  }
});

window.addEventListener("resize", () => drawChart(lastHours));
refresh();
