"""rnnviz entry point: page config, the shared sidebar, and navigation over the files in pages/.

Run with ``streamlit run app.py``.
"""

import os

# One BLAS thread per computation: the engine's matrices are small, and on a shared server threads
# that compete for the same cores make every chart slower (numpy reads this when it is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from rnnviz import lessons, ui  # noqa: E402
from rnnviz.i18n import t  # noqa: E402

st.set_page_config(page_title="rnnviz", page_icon=":material/timeline:", layout="wide")
menu_slot = st.sidebar.container()  # the menu goes first in the sidebar, drawn once the page is known
ui.app_sidebar()
lang = ui.lang()

sections: dict[str, list] = {}
for entry in lessons.PAGES:  # the file and URL path are the page's name; home is served at "/"
    default = entry.name == "home"
    page = st.Page(f"pages/{entry.name}.py", title=t(f"{entry.name}.nav", lang), icon=entry.icon,
                   url_path="" if default else entry.name, default=default)
    sections.setdefault(t(f"nav.section.{entry.section}", lang), []).append(page)
    if default:
        home = page


def go_home() -> None:
    """``/home``: the home page lives at ``/``; keep the URL's settings on the way."""
    st.switch_page(home, query_params=st.query_params.to_dict())


# ``/home`` as a hidden page that leads home, instead of Streamlit's "Page not found" dialog.
hidden = [st.Page(go_home, title=home.title, url_path="home", visibility="hidden")]
first = next(iter(sections))

# Streamlit's own menu stays hidden: the app draws a lighter one (see ui.menu).
current = st.navigation({**sections, first: sections[first] + hidden}, position="hidden")
with menu_slot:
    ui.menu(sections, current)
current.run()
