// What the dashboard (app.js) and the fleet pages (fleet.js) share: the API key kept in this tab's sessionStorage
// (gone when the tab closes, never sent by the browser on its own) and sent as X-Api-Key, calls to the API, the message
// line, and building elements. Everything from the server is set as text, never as markup: values quote log lines.
"use strict";

const svgNs = "http://www.w3.org/2000/svg";
const keyInput = document.getElementById("api-key");

// Fills the key field from this tab's storage and calls reload when the operator enters another key.
function keepApiKey(reload) {
  keyInput.value = sessionStorage.getItem("vigil.apiKey") || "";
  keyInput.addEventListener("change", () => { sessionStorage.setItem("vigil.apiKey", keyInput.value); reload(); });
  document.getElementById("key-form").addEventListener("submit", e => { e.preventDefault(); keyInput.dispatchEvent(new Event("change")); });
}

async function api(path, options = {}) {
  const headers = { "Accept": "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) };
  if (keyInput.value) headers["X-Api-Key"] = keyInput.value;
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body?.detail || body?.title || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function el(tag, attributes = {}, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(svgNs, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(text, isError) {
  const message = document.getElementById("message");
  message.textContent = text;
  message.className = isError ? "error" : "";
}

function fmt(iso) { return iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, "") : "–"; }

// A flagged hour can be called a false alarm (admin key required, as every call here); it joins the next training —
// of that host's scopes only when the page is a fleet host's (host given), of every scope on the single-host dashboard.
function falseAlarmControl(hour, marked, host = null) {
  if (marked.has(hour)) return el("span", { class: "feedback done" }, "marked as a false alarm");
  const button = el("button", { type: "button", class: "feedback" }, "False alarm");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await api("/feedback", { method: "POST", body: JSON.stringify(host ? { hour, host } : { hour }) });
      button.replaceWith(el("span", { class: "feedback done" }, "marked as a false alarm"));
      say(`${hour} UTC${host ? ` on ${host}` : ""} marked as a false alarm; it joins the next training.`);
    } catch (e) {
      button.disabled = false;
      say(e.message, true);
    }
  });
  return button;
}
