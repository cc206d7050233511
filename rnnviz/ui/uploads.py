"""Uploaded weights in a session: the upload itself, the token the session holds, and the notice on the
pages that use them. The weights live in the server's store (``rnnviz.weights``); a session and its
links know them by token."""

from __future__ import annotations

from typing import Any

import streamlit as st

from rnnviz import weights
from rnnviz.setups import UploadedLayer, uploaded_layer
from rnnviz.ui.frame import lang, text

UPLOADED_WEIGHTS_KEY = "uploaded_weights"  # token of the weights loaded on the "Your own weights" page
_PROCESSED_KEY = "your_weights.processed_file"  # the uploader's file already registered (not again on reruns)
MAX_MB = weights.MAX_BYTES // 2**20


def uploader_texts() -> None:
    """Streamlit's file uploader in Korean: it has no setting for its button's word and its size line, so a
    style element draws the Korean ones in their place (English keeps Streamlit's own)."""
    if lang() != "ko":
        return
    button = "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p"
    limit = "[data-testid=stFileUploaderDropzoneInstructions] span"
    st.html(f"""<style>
{button}, {limit} {{ font-size: 0; }}
{button}::after {{ content: "{text('your_weights.uploader.button')}"; font-size: 1rem; }}
{limit}::after {{ content: "{text('your_weights.uploader.limit', mb=MAX_MB)}"; font-size: 0.875rem; }}
</style>""")


def accept(upload: Any) -> bool:
    """Read an uploaded ``.npz`` (a Streamlit ``UploadedFile``) and make it the session's weights. A bad file
    gets a message in the user's language and the session keeps its previous weights. Returns whether the
    file was accepted."""
    try:
        cell, params = weights.load_npz(upload.getvalue())
    except weights.WeightsError as err:
        st.error(text(err.key, **err.values))
        st.caption(text("your_weights.kept_previous"))
        return False
    if st.session_state.get(_PROCESSED_KEY) != upload.file_id:
        st.session_state[_PROCESSED_KEY] = upload.file_id
        st.session_state[UPLOADED_WEIGHTS_KEY] = weights.register(cell, params)
    return True


def current() -> UploadedLayer | None:
    """The weights this session uploaded, while the server still holds them."""
    token = st.session_state.get(UPLOADED_WEIGHTS_KEY)
    return uploaded_layer(token) if isinstance(token, str) else None


def forget() -> None:
    """Go back to generated weights in this session."""
    st.session_state.pop(UPLOADED_WEIGHTS_KEY, None)


def weights_notice(values: dict[str, Any]) -> None:
    """Say which weights the page uses when ``values["weights"]`` names uploaded ones: a warning for a
    token this server does not hold (the figures fall back to generated weights), else an info line."""
    token = values.get("weights", weights.NO_WEIGHTS)
    if token == weights.NO_WEIGHTS:
        return
    layer = uploaded_layer(token)
    if layer is None:
        st.warning(text("your_weights.notice.unknown_token", token=token), icon="⚠️")
    elif values.get("cell", layer.cell) != layer.cell:
        st.info(text("your_weights.notice.other_cell", uploaded=layer.cell.upper()))
    else:
        st.info(text("your_weights.notice.using", cell=layer.cell.upper(), H=layer.hidden_size, I=layer.input_size))
