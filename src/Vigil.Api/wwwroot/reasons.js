// Why an hour was flagged, shared by the dashboard (app.js) and the fleet pages (fleet.js): the first reasons as a
// short list, most important first; the rest and the model's internals (feature values, spreads from training) behind
// a details toggle. Everything is set as text, never as markup: reasons quote log lines.
"use strict";

// shown: Vigil.Core.Detection.ReasonList.Shown, the number detect and the alerts show too.
function reasonList(a, shown = 4) {
  const make = (tag, text, cls) => el(tag, cls ? { class: cls } : {}, text);
  const box = make("div", undefined, "reasons");
  const list = make("ul", undefined, "reason-list");
  const reasons = a.reasons.length ? a.reasons : ["flagged by the model (no reasons given)"];
  for (const r of reasons.slice(0, shown)) list.append(make("li", r));
  box.append(list);
  const more = [...reasons.slice(shown), ...(a.details || [])];
  if (more.length) {
    const details = make("details", undefined, "reason-details");
    details.append(make("summary", "details"));
    const rest = make("ul");
    for (const r of more) rest.append(make("li", r));
    details.append(rest);
    box.append(details);
  }
  return box;
}
