// The app's chart element (a Streamlit component, mounted by rnnviz/ui/chart.py; live.js and
// plotly_locales.js are inlined before this file).
//
// Streamlit's own Plotly element is replaced by a new one whenever its figure changes, so the
// browser builds the chart from scratch and then draws it a second time once it is sized. This
// element stays in place: each new figure from the server is drawn into the same div with
// Plotly.react, which redraws only what changed. plotly.js is loaded once per page, from the file
// the plotly Python package ships (the same plotly.js the HTML exports inline).
//
// A chart scrolled out of view is redrawn when it comes back into view (or before the page is
// printed), not at once: a slider move then spends its time on the charts the user is looking at.
// Each chart's first figure is drawn at once.
//
// A live chart (live.js) also shows a slider per live parameter above the plot: moving it switches
// between the frames it already holds, with no message to the server; letting go sends the value to
// Python once (trigger "live": {name, value}), so that the URL, the sidebar and the numbers beside the
// chart follow. Other live charts of the page with the same parameter follow the hand too.
//
// data: {figure: Plotly figure JSON (string), live: the URL of its live payload (or null), show: the names
//        of the live sliders this chart shows (it follows the others), config: Plotly config, plotly: URL of
//        plotly.min.js, labels: {fullscreen, failed}} in the user's language, large: the projector theme's
//        large type for the sliders' labels.

const FULLSCREEN_ICON = {
  width: 1000,
  height: 1000,
  path: "M0 0h400v100H100v300H0zM600 0h400v400H900V100H600zM0 600h100v300h300v100H0zM900 600h100v400H600V900h300z",
};

function loadPlotly(url) {
  if (!window.rnnvizPlotly) {
    window.rnnvizPlotly = new Promise((resolve, reject) => {
      if (window.Plotly) {
        resolve(rnnvizRegisterLocales(window.Plotly));
        return;
      }
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => resolve(rnnvizRegisterLocales(window.Plotly));
      script.onerror = () => {
        window.rnnvizPlotly = null; // let the next figure try again
        reject(new Error(`could not load ${url}`));
      };
      document.head.appendChild(script);
    });
  }
  return window.rnnvizPlotly;
}

function fullscreenButton(div, labels) {
  return {
    name: "rnnviz-fullscreen",
    title: labels.fullscreen,
    icon: FULLSCREEN_ICON,
    click: () => (document.fullscreenElement === div ? document.exitFullscreen() : div.requestFullscreen()),
  };
}

// Full screen: the chart takes the screen's height; back in the page it takes its own again.
function onFullscreenChange(div, Plotly) {
  const full = document.fullscreenElement === div;
  const height = full ? window.innerHeight : div.rnnvizHeight;
  Plotly.relayout(div, { height: height, width: full ? window.innerWidth : div.parentElement.clientWidth });
}

// The chart follows its column's width (sidebar opened or closed, window resized), and a chart that
// fills the window its height.
function followWidth(div) {
  let width = div.parentElement.clientWidth;
  const observer = new ResizeObserver(() => {
    const now = div.parentElement.clientWidth;
    if (now === width || !div._fullLayout || document.fullscreenElement === div) return;
    width = now;
    window.Plotly.relayout(div, { width: now });
  });
  window.addEventListener("resize", () => {
    if (div.rnnvizData && div.rnnvizData.fill && div._fullLayout) window.Plotly.relayout(div, { height: fillHeight(div) });
  });
  observer.observe(div.parentElement);
  return observer;
}

// Plotly.react draws from scratch when the config differs from the last one, so a chart keeps one
// config object until the config or the language changes.
function chartConfig(div, data) {
  const source = JSON.stringify([data.config, data.labels]);
  if (div.rnnvizConfigSource !== source) {
    div.rnnvizConfigSource = source;
    div.rnnvizConfig = { ...data.config, modeBarButtonsToAdd: [fullscreenButton(div, data.labels)] };
  }
  return div.rnnvizConfig;
}

// The height a chart that fills the window takes: the window's, less the sliders above it.
function fillHeight(div) {
  const row = div.parentElement.querySelector(".rnnviz-live-row");
  const above = row && !row.hidden ? row.getBoundingClientRect().height : 0;
  return Math.max(240, window.innerHeight - above - 24);
}

// Draw figure into div: layout width from the column (or the screen, in full screen).
function react(div, figure, data, Plotly) {
  const layout = { ...figure.layout, width: div.parentElement.clientWidth };
  if (data.fill) layout.height = fillHeight(div);
  div.rnnvizHeight = layout.height;
  if (document.fullscreenElement === div) Object.assign(layout, { width: window.innerWidth, height: window.innerHeight });
  return Plotly.react(div, { data: figure.data, layout: layout, config: chartConfig(div, data) });
}

function draw(div, data, Plotly) {
  const source = data.figure;
  if (div.rnnvizFigure !== source) return; // a newer figure has arrived meanwhile
  if (!div._fullLayout) div.textContent = ""; // a message from an earlier failed load
  const figure = JSON.parse(data.figure);
  const drawn = react(div, figure, data, Plotly);
  // An animation's frames are only needed for Play, and adding them takes Plotly about a third of
  // the unrolled graph's redraw: they replace the old ones once the new figure is on screen.
  return drawn.then(() => {
    div.rnnvizDrawn = source; // the figure on screen (the tests compare it with rnnvizFigure)
    if (div.rnnvizFigure !== source) return undefined;
    return Plotly.deleteFrames(div).then(() => (figure.frames ? Plotly.addFrames(div, figure.frames) : undefined));
  });
}

// ------------------------------------------------------------------------------------ live frames
// Show frame index of the live slider named name: at once, or, while a frame is being drawn, as soon
// as it is done (only the latest index: a hand faster than Plotly skips frames, never queues them).
function showFrame(div, data, name, index) {
  const live = div.rnnvizLive;
  const slider = live && live.sliders.find((s) => s.name === name);
  if (!slider || !window.Plotly) return;
  div.rnnvizPending = { slider: slider, index: index, live: live };
  if (!div.rnnvizDrawing) drawPending(div, data);
}

function drawPending(div, data) {
  const pending = div.rnnvizPending;
  div.rnnvizPending = null;
  if (!pending || div.rnnvizLive !== pending.live) {
    div.rnnvizDrawing = false;
    return;
  }
  div.rnnvizDrawing = true;
  const figure = rnnvizApplyPatch(pending.live.base, pending.slider.patches[pending.index], pending.slider.reference);
  div.rnnvizLiveIndex = { ...(div.rnnvizLiveIndex || {}), [pending.slider.name]: pending.index };
  react(div, figure, data, window.Plotly).then(() => {
    div.dispatchEvent(new CustomEvent("rnnviz-frame", { detail: { name: pending.slider.name, index: pending.index } }));
    drawPending(div, data);
  });
}

// A live payload by URL, fetched once per page (the server writes it in the background: until then the
// route answers 404, and the chart is a plain chart).
const livePayloads = new Map();

function fetchLive(url) {
  if (!livePayloads.has(url)) {
    livePayloads.set(url, (async () => {
      for (let wait = 150; ; wait = Math.min(2 * wait, 2000)) {
        const answer = await fetch(url).catch(() => null);
        if (answer && answer.ok) return answer.json();
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    })());
  }
  return livePayloads.get(url);
}

// Make the chart live once its frames are here (if it still shows the figure they belong to).
function goLive(div, url, setTriggerValue) {
  fetchLive(url).then((live) => {
    if (div.rnnvizData.live !== url) return;
    div.rnnvizLive = live;
    liveRow(div.parentElement, div, div.rnnvizData, setTriggerValue);
    // A chart that fills the window makes room for the sliders that have just appeared above it.
    if (div.rnnvizData.fill && div._fullLayout) window.Plotly.relayout(div, { height: fillHeight(div) });
  });
}

// The sliders row above the plot, made again when a new payload arrives.
function liveRow(box, div, data, setTriggerValue) {
  let row = box.querySelector(".rnnviz-live-row");
  if (!row) {
    row = document.createElement("div");
    row.className = "rnnviz-live-row";
    box.insertBefore(row, div);
  }
  const live = div.rnnvizLive;
  const controls = live ? live.sliders.filter((slider) => (data.show || []).includes(slider.name)) : [];
  row.replaceChildren(
    ...controls.map((slider) =>
      rnnvizLiveControl(
        slider,
        (index) => {
          showFrame(div, data, slider.name, index);
          window.dispatchEvent(new CustomEvent("rnnviz-live", { detail: { name: slider.name, value: slider.values[index], from: div } }));
        },
        (index) => setTriggerValue("live", { name: slider.name, value: slider.values[index] }),
      ),
    ),
  );
  // Which sliders step through fewer values than the controls offer: only those shown above this chart.
  const shownLabels = controls.map((slider) => slider.label);
  const thinned = live ? live.thinned.filter(([label]) => shownLabels.includes(label)) : [];
  if (thinned.length && data.labels.thinned) {
    const note = document.createElement("div");
    note.className = "rnnviz-live-note";
    note.textContent = thinned.map(([label, stride]) => data.labels.thinned.replace("{label}", label).replace("{stride}", stride)).join(" ");
    row.append(note);
  }
  row.hidden = row.childElementCount === 0;
}

// Charts holding a figure they have not drawn yet because they are out of view.
const undrawn = new Set();

function drawWhenShown(div) {
  const data = div.rnnvizUndrawn;
  if (!data) return;
  div.rnnvizUndrawn = null;
  undrawn.delete(div);
  loadPlotly(data.plotly).then((Plotly) => draw(div, data, Plotly));
}

function watchVisibility(div) {
  const observer = new IntersectionObserver(
    (entries) => {
      div.rnnvizInView = entries[entries.length - 1].isIntersecting;
      if (div.rnnvizInView) drawWhenShown(div);
    },
    { rootMargin: "100px" },
  );
  observer.observe(div);
  return observer;
}

// Printing shows every chart: draw the waiting ones first (drawWhenShown's promise resolves in the
// microtask that follows this handler, and Plotly.react draws a cartesian chart synchronously).
window.addEventListener("beforeprint", () => [...undrawn].forEach(drawWhenShown));

export default function chart({ data, parentElement, setTriggerValue }) {
  let div = parentElement.querySelector(".rnnviz-chart");
  if (!div) {
    const box = document.createElement("div");
    box.className = "rnnviz-chart-box";
    div = document.createElement("div");
    div.className = "rnnviz-chart";
    box.appendChild(div);
    parentElement.appendChild(box);
    div.rnnvizObserver = followWidth(div);
    div.rnnvizVisibility = watchVisibility(div);
    div.addEventListener("fullscreenchange", () => loadPlotly(data.plotly).then((Plotly) => onFullscreenChange(div, Plotly)));
    // Follow another chart's live slider with the same parameter (the page's other charts of the value).
    div.rnnvizFollow = (event) => {
      if (event.detail.from === div || !div.rnnvizLive) return;
      const slider = div.rnnvizLive.sliders.find((s) => s.name === event.detail.name);
      if (!slider) return;
      const index = rnnvizNearest(slider.values, event.detail.value);
      const control = div.parentElement.querySelector(`input[data-live="${slider.name}"]`);
      if (control) control.closest(".rnnviz-live").rnnvizSet(index);
      showFrame(div, div.rnnvizData, slider.name, index);
    };
    window.addEventListener("rnnviz-live", div.rnnvizFollow);
  }
  const previous = div.rnnvizData;
  div.rnnvizData = data;
  div.parentElement.classList.toggle("rnnviz-large", Boolean(data.large));
  const stop = () => {
    div.rnnvizObserver.disconnect();
    div.rnnvizVisibility.disconnect();
    window.removeEventListener("rnnviz-live", div.rnnvizFollow);
    undrawn.delete(div);
  };
  if (!previous || previous.live !== data.live || JSON.stringify(previous.show) !== JSON.stringify(data.show)) {
    div.rnnvizLive = null; // the new figure's frames, when they come
    liveRow(div.parentElement, div, data, setTriggerValue);
    if (data.live) goLive(div, data.live, setTriggerValue);
  }
  const source = data.figure;
  if (div.rnnvizFigure !== source) {
    const drawnBefore = div.rnnvizFigure !== undefined;
    div.rnnvizFigure = source;
    if (drawnBefore && div.rnnvizInView === false) {
      div.rnnvizUndrawn = data;
      undrawn.add(div);
      return stop;
    }
    div.rnnvizUndrawn = null;
    undrawn.delete(div);
    loadPlotly(data.plotly).then(
      (Plotly) => draw(div, data, Plotly),
      (err) => {
        console.error(err);
        div.textContent = data.labels.failed;
      },
    );
  }
  return stop;
}
