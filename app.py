"""rnnviz entry point: page config, the shared sidebar, and navigation over the files in pages/.

Run with ``streamlit run app.py``.
"""

import os

# One BLAS thread per computation: the engine's matrices are small, and on a shared server threads
# that compete for the same cores make every chart slower (numpy reads this when it is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import streamlit as st  # noqa: E402

from rnnviz import ui  # noqa: E402
from rnnviz.i18n import t  # noqa: E402

# (file, url path, i18n key of the menu label, icon, menu section). The url path is the file's stem:
# on a session's first run Streamlit resolves the URL against pages/ before st.navigation is known,
# and any other path shows a spurious "Page not found" dialog. The home page is served at ``/``; its
# url path leads there too (``go_home``).
PAGES = (
    ("pages/home.py", "home", "home.nav", ":material/home:", "start"),
    ("pages/vanishing_exploding.py", "vanishing_exploding", "book.nav", ":material/trending_up:", "problem"),
    ("pages/derivatives.py", "derivatives", "derivatives.nav", ":material/show_chart:", "causes"),
    ("pages/scale_sweep.py", "scale_sweep", "sweep.nav", ":material/grid_on:", "causes"),
    ("pages/unrolled_graph.py", "unrolled_graph", "graph.nav", ":material/account_tree:", "causes"),
    ("pages/inside_cells.py", "inside_cells", "cells.nav", ":material/memory:", "causes"),
    ("pages/dynamics.py", "dynamics", "dynamics.nav", ":material/cyclone:", "causes"),
    ("pages/cell_comparison.py", "cell_comparison", "comparison.nav", ":material/compare_arrows:", "remedies"),
    ("pages/remedies.py", "remedies", "remedies.nav", ":material/healing:", "remedies"),
    ("pages/worked_examples.py", "worked_examples", "worked.nav", ":material/calculate:", "seeds"),
    ("pages/book_code.py", "book_code", "bookcode.nav", ":material/code:", "seeds"),
    ("pages/your_weights.py", "your_weights", "weights.nav", ":material/upload_file:", "tools"),
)

st.set_page_config(page_title="rnnviz", page_icon=":material/timeline:", layout="wide")
menu_slot = st.sidebar.container()  # the menu goes first in the sidebar, drawn once the page is known
ui.app_sidebar()
lang = ui.lang()

sections: dict[str, list] = {}
for path, url_path, label_key, icon, section in PAGES:
    default = url_path == "home"
    page = st.Page(path, title=t(label_key, lang), icon=icon, url_path="" if default else url_path, default=default)
    sections.setdefault(t(f"nav.section.{section}", lang), []).append(page)
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
