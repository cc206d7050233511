"""A long computation shows progress where its chart will be, in the user's language; a cached one shows none.

A fresh app process computes the scaling sweep at its largest setting (an LSTM, T = 1000, H = 256, 200 scales up
to 5: seconds of numpy); the session's messages must carry a spinner with the page's translated text. A second
session asking for the same chart gets the cached data, and no spinner reaches it.
"""

from __future__ import annotations

import asyncio

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from deploy.run_local import app_processes
from rnnviz.i18n import t
from tests.load.streamlit_client import StreamlitSession

LARGEST_SWEEP = "cell=lstm&T=1000&H=256&n_scales=200&smax=5"


def spinner_texts(payloads: list[bytes]) -> list[str]:
    """The text of every spinner the server sent in these messages (a spinner is a transient element)."""
    texts = []
    for payload in payloads:
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_transient":
            texts += [e.spinner.text for e in msg.delta.new_transient.elements if e.WhichOneof("type") == "spinner"]
    return texts


async def open_sweep(url: str, lang: str, seed: int) -> tuple[list[str], list[str]]:
    async with StreamlitSession(url, keep_payloads=True) as session:
        run = await session.open("scale_sweep", f"{LARGEST_SWEEP}&seed={seed}&lang={lang}")
        assert run.problems == [], run.problems
        return spinner_texts(session.payloads), session.texts()


def test_the_largest_sweep_shows_a_translated_spinner_and_a_cached_one_none():
    with app_processes(1, base_path="") as apps:
        for seed, lang in ((11, "ko"), (12, "en")):  # a seed each: the data cache does not depend on the language
            first, _ = asyncio.run(open_sweep(apps[0].url, lang, seed))
            again, _ = asyncio.run(open_sweep(apps[0].url, lang, seed))
            print(lang, "uncached:", first, "cached:", again)
            assert t("figure.computing", lang) in first
            assert t("figure.computing", lang) not in again
