// The app's page menu (a Streamlit component mounted by rnnviz/ui.py), in place of Streamlit's own.
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

export default function menu({ data, parentElement }) {
  let nav = parentElement.querySelector("nav.rnnviz-menu");
  if (!nav) {
    nav = document.createElement("nav");
    nav.className = "rnnviz-menu";
    nav.addEventListener("click", onClick);
    parentElement.appendChild(nav);
  }
  nav.setAttribute("aria-label", data.label);
  const source = JSON.stringify(data);
  if (nav.rnnvizSource !== source) {
    nav.rnnvizSource = source;
    nav.replaceChildren(...data.sections.map((part) => section(part, data.query)));
  }
}
