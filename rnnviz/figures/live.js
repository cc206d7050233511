// Live figures in the browser: a chart's frames for every value of a live parameter (the W_h scale,
// T, a time step), switched without a server round trip. Shared by the app's chart element
// (chart.js) and the offline HTML export, which inline this file.
//
// A live payload (rnnviz/figures/live.py): {base: figure at the current values,
//   sliders: [{name, label, values, index, format, patches: [patch per value]}], note}
// A patch: {data: {traceIndex: {property: value}}, layout: {property: value}} at the top level of each
// trace and of the layout (null removes a property), or {traces: [...]} to replace every trace, and
// {frames: [...]} for an animation's frames. A value {prefix: n} is the first n entries of the same
// trace's array in the slider's reference figure (the frame at its largest value).

function rnnvizMerged(old, change) {
  const merged = { ...old };
  for (const [key, value] of Object.entries(change || {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const RNNVIZ_TYPED = { i1: Int8Array, u1: Uint8Array, i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array, f4: Float32Array, f8: Float64Array };

// A typed array from Plotly's base64 form {dtype, bdata} (decoded once, then kept on the object).
function rnnvizDecoded(vector) {
  if (!vector.rnnvizArray) {
    const bytes = Uint8Array.from(atob(vector.bdata), (c) => c.charCodeAt(0));
    vector.rnnvizArray = new RNNVIZ_TYPED[vector.dtype](bytes.buffer);
  }
  return vector.rnnvizArray;
}

// A trace's patched properties, with prefixes cut from the reference trace's arrays.
function rnnvizTraceChange(change, referenceTrace) {
  const out = {};
  for (const [key, value] of Object.entries(change)) {
    const prefix = value && typeof value === "object" && "prefix" in value && Object.keys(value).length === 1;
    out[key] = prefix ? rnnvizDecoded(referenceTrace[key]).subarray(0, value.prefix) : value;
  }
  return out;
}

// The figure of one frame: base with the patch applied (base is not modified); prefixes come from
// reference, the slider's figure at its largest value.
function rnnvizApplyPatch(base, patch, reference) {
  const data = patch.traces
    ? patch.traces
    : base.data.map((trace, i) =>
        patch.data && patch.data[i] ? rnnvizMerged(trace, rnnvizTraceChange(patch.data[i], reference && reference.data[i])) : trace,
      );
  const figure = { data: data, layout: rnnvizMerged(base.layout, patch.layout) };
  const frames = "frames" in patch ? patch.frames : base.frames;
  if (frames && frames.length) figure.frames = frames;
  return figure;
}

// A value as the sidebar's slider shows it: "%.2f", "%.1f", "%d" or "%g".
function rnnvizFormat(value, format) {
  const fixed = /^%\.(\d+)f$/.exec(format || "");
  if (fixed) return value.toFixed(Number(fixed[1]));
  if (format === "%d") return String(Math.round(value));
  return String(Number(value.toPrecision(6)));
}

let rnnvizLiveCount = 0;

const RNNVIZ_SETTLE_MS = 500; // a release is sent once the slider has rested this long (keys fire per press)

// One labelled, keyboard-operable range input over a slider's values (by index), with its value shown.
// onInput(index) while the hand moves; onRelease(index) once it lets go and the slider rests (arrow
// keys fire a change per press: a run of presses sends one release).
function rnnvizLiveControl(slider, onInput, onRelease) {
  const row = document.createElement("div");
  row.className = "rnnviz-live";
  const id = `rnnviz-live-${++rnnvizLiveCount}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = slider.label;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.min = "0";
  input.max = String(slider.values.length - 1);
  input.step = "1";
  input.value = String(slider.index);
  input.dataset.live = slider.name;
  const output = document.createElement("output");
  output.htmlFor = id;
  const show = (index) => {
    const text = rnnvizFormat(slider.values[index], slider.format);
    output.textContent = text;
    input.setAttribute("aria-valuetext", text);
  };
  show(slider.index);
  let settle = null;
  input.addEventListener("input", () => {
    const index = Number(input.value);
    show(index);
    onInput(index);
    if (settle !== null) window.clearTimeout(settle);
    settle = null;
  });
  input.addEventListener("change", () => {
    if (settle !== null) window.clearTimeout(settle);
    settle = window.setTimeout(() => {
      settle = null;
      onRelease(Number(input.value));
    }, RNNVIZ_SETTLE_MS);
  });
  row.append(label, input, output);
  row.rnnvizSet = (index) => {
    input.value = String(index);
    show(index);
  };
  return row;
}

// The index of the grid value nearest to value.
function rnnvizNearest(values, value) {
  let best = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - value) < Math.abs(values[best] - value)) best = i;
  });
  return best;
}
