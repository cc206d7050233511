"""The one package that imports streamlit: widgets made from the catalogue, and the app's frame.

- ``app``: what app.py draws around a page: the navigation over the lessons' pages, or a slide.
- ``frame``: language and chart theme, a page's title and texts, and its link to the story's next page.
- ``slide``/``embed``: one figure alone (``?slide=<figure id>``), and its link and ``<iframe>`` code.
- ``menu``: the page menu (``menu.js``), with links that keep the language and theme.
- ``controls``: a page's widgets from its figures' parameters, kept in sync with the URL.
- ``sections``: the parts of a page that rerun alone when one of their parameters changes.
- ``chart``: the chart element (``chart.js``), which redraws a figure in place.
- ``figures``: a figure with its cached computation, its exports and table.
- ``uploads``: the weights a session uploaded, and the notice on the pages that use them.

Pages call only this package and the catalogue; they never compute maths themselves.
"""

from rnnviz.ui import uploads
from rnnviz.ui.app import app_frame
from rnnviz.ui.chart import chart
from rnnviz.ui.controls import controls, current_values, page_params, rerun_on_change, write_url
from rnnviz.ui.figures import compute, compute_or_none, figure
from rnnviz.ui.frame import lang, lesson_footer, lesson_header, text, theme, try_this
from rnnviz.ui.sections import section
from rnnviz.ui.uploads import weights_notice

__all__ = [
    "app_frame", "chart", "compute", "compute_or_none", "controls", "current_values",
    "figure", "lang", "lesson_footer", "lesson_header", "page_params", "rerun_on_change", "section", "text", "theme",
    "try_this", "uploads", "weights_notice", "write_url",
]
