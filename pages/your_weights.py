"""Your own weights: upload one PyTorch recurrent layer (.npz); once validated the other pages use it."""

import streamlit as st
from streamlit.errors import StreamlitAPIException

from rnnviz import ui

PAGE = "your_weights"
# Pages that take the shared `weights` parameter: (file, key of the link's label).
TARGETS = (("pages/inside_cells.py", "your_weights.open.cells"), ("pages/scale_sweep.py", "your_weights.open.sweep"),
           ("pages/cell_comparison.py", "your_weights.open.compare"),
           ("pages/unrolled_graph.py", "your_weights.open.graph"))

ui.lesson_header(PAGE)
ui.uploads.uploader_texts()
upload = st.file_uploader(ui.text("your_weights.uploader", mb=ui.uploads.MAX_MB), type=["npz"],
                          key=f"{PAGE}.file", max_upload_size=ui.uploads.MAX_MB)
if upload is not None:
    ui.uploads.accept(upload)

layer = ui.uploads.current()
if layer is None:
    st.info(ui.text("your_weights.none"))
else:
    st.success(ui.text("your_weights.current", cell=layer.cell.upper(), H=layer.hidden_size, I=layer.input_size,
                       token=layer.token))
    st.subheader(ui.text("your_weights.open_heading"))
    query = {"lang": ui.lang(), "weights": layer.token, "cell": layer.cell}
    if layer.cell == "gru":
        query["gru_variant"] = "pytorch"  # PyTorch's GRU equations
    for page_file, label_key in TARGETS:
        try:
            st.page_link(page_file, label=ui.text(label_key), icon=":material/arrow_forward:", query_params=query)
        except StreamlitAPIException:  # that page is not part of this app (yet)
            pass
    if st.button(ui.text("your_weights.forget"), key=f"{PAGE}.forget"):
        ui.uploads.forget()
        st.rerun()

st.subheader(ui.text("your_weights.export_heading"))
st.code(ui.text("your_weights.export_code"), language="python")
st.markdown(ui.text("your_weights.export_notes"))
ui.lesson_footer(PAGE)
