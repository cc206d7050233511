"""rnnviz entry point: page config, the shared sidebar, and navigation over the files in pages/.

Run with ``streamlit run app.py``.
"""

import streamlit as st

from rnnviz import ui
from rnnviz.i18n import t

# (file, url path, i18n key of the menu label, icon, menu section)
PAGES = (
    ("pages/home.py", "home", "home.nav", ":material/home:", "start"),
    ("pages/vanishing_exploding.py", "vanishing-exploding", "book.nav", ":material/trending_up:", "problem"),
)

st.set_page_config(page_title="rnnviz", page_icon=":material/timeline:", layout="wide")
ui.app_sidebar()
lang = ui.lang()

sections: dict[str, list] = {}
for path, url_path, label_key, icon, section in PAGES:
    page = st.Page(path, title=t(label_key, lang), icon=icon, url_path=url_path, default=url_path == "home")
    sections.setdefault(t(f"nav.section.{section}", lang), []).append(page)

st.navigation(sections).run()
