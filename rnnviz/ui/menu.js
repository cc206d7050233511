// The app's page menu (a Streamlit component mounted by rnnviz/ui/menu.py), in place of Streamlit's own.
//
// Streamlit's sidebar menu is redrawn by React with every change to the page: on a slider move,
// two to four times, at some 330 component renders each for this app's twelve pages. This menu is
// one element whose links are drawn once per language and page, so a slider move barely touches it.
//
// Each entry is a real link (open it in a new tab, copy its address). A plain click switches pages
// in the running session, as Streamlit's own menu does: the link's address becomes the page's, and
// Streamlit's app handles that as it handles the browser's back and forward buttons (it runs the
// page of the new address, with the sidebar's widgets as they are).
//
// The menu folds into one line (its label and the current page), so that the page's own controls
// below it are in view: it opens on a click, and folds again when another page is shown (picked here,
// or reached by a page's own "next" link), so that page's controls are in view too.
//
// data: {label, sections: [{title, pages: [{title, path, icon, current}]}], query: "lang=ko&theme=dark"}

function entry(page, query) {
  const link = document.createElement("a");
  link.className = "rnnviz-menu-link";
  link.href = `./${page.path}${query ? `?${query}` : ""}`;
  if (page.current) link.setAttribute("aria-current", "page");
  const icon = document.createElement("span");
  icon.className = "rnnviz-menu-icon";
  icon.setAttribute("aria-hidden", "true");
  icon.translate = false;
  icon.textContent = page.icon;
  const title = document.createElement("span");
  title.className = "rnnviz-menu-title";
  title.textContent = page.title;
  link.append(icon, title);
  return link;
}

function section(part, query) {
  const group = document.createElement("section");
  const heading = document.createElement("header");
  heading.className = "rnnviz-menu-heading";
  heading.textContent = part.title;
  group.append(heading, ...part.pages.map((page) => entry(page, query)));
  return group;
}

// A plain left click: switch pages in this session. Any other click (new tab, new window) is the
// browser's, on the link's own address.
function onClick(event) {
  const link = event.target.closest("a.rnnviz-menu-link");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  if (link.getAttribute("aria-current") === "page") return;
  window.history.pushState(window.history.state, "", link.href);
  window.dispatchEvent(new PopStateEvent("popstate", { state: window.history.state }));
}

function summary(data) {
  const line = document.createElement("summary");
  line.className = "rnnviz-menu-summary";
  const current = data.sections.flatMap((part) => part.pages).find((page) => page.current);
  const label = document.createElement("span");
  label.className = "rnnviz-menu-label";
  label.textContent = data.label;
  const title = document.createElement("span");
  title.className = "rnnviz-menu-current";
  title.textContent = current ? current.title : "";
  line.append(label, title);
  return line;
}

export default function menu({ data, parentElement }) {
  let fold = parentElement.querySelector("details.rnnviz-menu-fold");
  if (!fold) {
    fold = document.createElement("details");
    fold.className = "rnnviz-menu-fold";
    parentElement.appendChild(fold);
  }
  const current = data.sections.flatMap((part) => part.pages).find((page) => page.current);
  const shown = current ? current.path : "";
  if (fold.rnnvizShown !== undefined && fold.rnnvizShown !== shown) fold.open = false;
  fold.rnnvizShown = shown;
  const source = JSON.stringify(data);
  if (fold.rnnvizSource !== source) {
    fold.rnnvizSource = source;
    const nav = document.createElement("nav");
    nav.className = "rnnviz-menu";
    nav.setAttribute("aria-label", data.label);
    nav.addEventListener("click", onClick);
    nav.replaceChildren(...data.sections.map((part) => section(part, data.query)));
    fold.replaceChildren(summary(data), nav);
  }
}
