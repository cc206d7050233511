"""Your own weights: upload one PyTorch recurrent layer (.npz); once validated the other pages use it."""

import streamlit as st
from streamlit.errors import StreamlitAPIException

from rnnviz import ui, weights

PAGE = "your_weights"
PROCESSED_KEY = f"{PAGE}.processed_file"  # the uploader's file already registered (not again on reruns)
# Pages that take the shared `weights` parameter: (file, i18n key of the link label).
TARGETS = (("pages/inside_cells.py", "your_weights.open.cells"), ("pages/scale_sweep.py", "your_weights.open.sweep"),
           ("pages/cell_comparison.py", "your_weights.open.compare"))

ui.lesson_header(PAGE)
state = st.session_state
upload = st.file_uploader(ui.text("your_weights.uploader", mb=weights.MAX_BYTES // 2**20), type=["npz"],
                          key=f"{PAGE}.file", max_upload_size=weights.MAX_BYTES // 2**20)
if upload is not None:
    try:
        cell, params = weights.load_npz(upload.getvalue())
    except weights.WeightsError as err:
        st.error(ui.text(err.key, **err.values))
        st.caption(ui.text("your_weights.kept_previous"))
    else:
        if state.get(PROCESSED_KEY) != upload.file_id:
            state[PROCESSED_KEY] = upload.file_id
            state[ui.UPLOADED_WEIGHTS_KEY] = weights.register(cell, params)

token = state.get(ui.UPLOADED_WEIGHTS_KEY)
found = weights.lookup(token) if isinstance(token, str) else None
if found is None:
    st.info(ui.text("your_weights.none"))
else:
    cell, params = found
    st.success(ui.text("your_weights.current", cell=cell.upper(), H=params["weight_hh"].shape[1],
                       I=params["weight_ih"].shape[1], token=token))
    st.subheader(ui.text("your_weights.open_heading"))
    query = {"lang": ui.lang(), "weights": token, "cell": cell}
    if cell == "gru":
        query["gru_variant"] = "pytorch"  # PyTorch's GRU equations
    for page_file, label_key in TARGETS:
        try:
            st.page_link(page_file, label=ui.text(label_key), icon=":material/arrow_forward:", query_params=query)
        except StreamlitAPIException:  # that page is not part of this app (yet)
            pass
    if st.button(ui.text("your_weights.forget"), key=f"{PAGE}.forget"):
        state.pop(ui.UPLOADED_WEIGHTS_KEY, None)
        st.rerun()

st.subheader(ui.text("your_weights.export_heading"))
st.code(ui.text("your_weights.export_code"), language="python")
st.markdown(ui.text("your_weights.export_notes"))
