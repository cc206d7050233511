"""A Streamlit session without a browser: the websocket protocol that Streamlit's own frontend speaks.

One :class:`StreamlitSession` is one browser tab. It does what the frontend does, in order:

1. ``GET <base>/<page>`` and ``GET <base>/_stcore/health``, keeping the cookies they set (Streamlit's
   ``_streamlit_xsrf`` token; a proxy's affinity cookie, see deploy/).
2. Opens the websocket ``<base>/_stcore/stream`` with the subprotocols ``streamlit, <xsrf token>`` and
   those cookies, and sends a ``BackMsg`` whose ``rerun_script`` is a ``ClientState``: the query string,
   the page (``page_name`` = the URL path on the first run, then the ``page_script_hash``), the widget
   states and the browser's context (locale, time zone).
3. Reads ``ForwardMsg`` s: ``new_session`` (a script run starts: session id, page hash, run id),
   ``delta`` s (elements and blocks at a ``delta_path``; widgets carry their id, range and value),
   ``navigation`` (the app's pages, and the page this run shows: with ``st.navigation`` the entry
   script picks it, so ``new_session`` may name the entry script), ``page_info_changed`` (the new
   query string),
   ``script_finished`` and the like. A run the client asked for is over at the first
   ``script_finished`` that is not ``FINISHED_EARLY_FOR_RERUN``: a control's callback that reruns only
   some fragments (``st.rerun(keys)``) ends one run early and starts those fragments' run.
4. Changes a control by sending ``rerun_script`` again with the state of every widget on the page, as
   the frontend's widget manager does (a slider's is a ``double_array_value``, a radio's or select
   box's the option's label as a ``string_value``): a widget left out would fall back to its default.
   A page change (the app's menu, or the browser's back button) sends the new ``page_script_hash``
   and the states of the entry script's widgets only (the delta's ``active_script_hash`` says whose).
   An upload asks for URLs (``file_urls_request`` -> ``file_urls_response``), ``PUT`` s the file to
   ``<base>/_stcore/upload_file/<session>/<file>`` with the XSRF header, then sends the uploader's
   ``file_uploader_state_value``.

It keeps the page's elements (by delta path) as the frontend does, dropping those a finished run did
not draw again, and reports what went wrong in each run: exceptions, ``st.error`` alerts, "page not
found", a script that did not compile, a lost connection. Nothing here knows rnnviz's pages.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import re
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Sequence

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

RUN_TIMEOUT = 120.0  # seconds a run may take before the client gives up on it
HTTP_TIMEOUT = 30.0
WIDGET_KINDS = ("slider", "radio", "selectbox", "checkbox", "number_input", "text_input", "file_uploader")
TEXT_FIELDS = {"markdown": "body", "heading": "body", "alert": "body", "text": "body", "code": "code_text"}


class SessionError(RuntimeError):
    """The session cannot go on: the connection was lost, or a run or request timed out."""


@dataclass
class Run:
    """One script run the client asked for, from the request to its ``script_finished``."""

    requested: float  # time.monotonic() when the BackMsg was sent
    finished: float | None = None
    status: str | None = None  # the ForwardMsg.ScriptFinishedStatus name
    problems: list[str] = field(default_factory=list)  # exceptions, error alerts, page not found, ...
    warnings: list[str] = field(default_factory=list)  # st.warning texts
    received_bytes: int = 0  # websocket payload received during the run

    @property
    def seconds(self) -> float | None:
        return None if self.finished is None else self.finished - self.requested


@dataclass
class Widget:
    """A widget on the page: its element kind (``slider``, ``radio``...) and its proto message."""

    kind: str
    proto: Any

    @property
    def id(self) -> str:
        return self.proto.id

    @property
    def user_key(self) -> str:
        """The ``key=`` the app gave the widget (Streamlit ends the widget id with ``-<key>``)."""
        match = re.match(r"\$\$ID-[0-9a-f]+-(.*)$", self.id)
        return match.group(1) if match else ""

    @property
    def options(self) -> list[str]:
        return list(getattr(self.proto, "options", []))


@dataclass
class _Node:
    element: Element | None  # None for a block
    run_id: str
    fragment_id: str
    script_hash: str  # the script that drew it: the entry script (app.py) or a page's


class StreamlitSession:
    """One session of a Streamlit app at ``base_url`` (e.g. ``http://127.0.0.1:8501`` or
    ``http://127.0.0.1:8080/rnnviz``). Use ``async with``; one request at a time, as a user who waits."""

    def __init__(self, base_url: str, *, locale: str = "en-US", keep_payloads: bool = False,
                 run_timeout: float = RUN_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self.locale = locale
        self.run_timeout = run_timeout
        self.session_id = ""
        self.page_hash = ""
        self.main_script_hash = ""  # the entry script's; its widgets (the app-wide ones) outlive a page change
        self.query_string = ""
        self.pages: dict[str, str] = {}  # url path of each visible page -> its page script hash
        self.disconnected = False
        self.problems: list[str] = []  # every problem of every run of the session
        self.payloads: list[bytes] | None = [] if keep_payloads else None  # every ForwardMsg received
        self._cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self._cookies))
        self._socket: Any = None
        self._reader: asyncio.Task | None = None
        self._nodes: dict[tuple[int, ...], _Node] = {}
        self._shown: dict[str, Any] = {}  # what each widget shows, by widget id (see ``value``)
        self._uploads: dict[str, WidgetState] = {}  # the files each uploader holds, by widget id
        self._run: Run | None = None
        self._run_done: asyncio.Event = asyncio.Event()
        self._run_id = ""
        self._run_fragments: tuple[str, ...] = ()
        self._file_urls: dict[str, asyncio.Future] = {}

    # ------------------------------------------------------------------------------------ connecting
    async def __aenter__(self) -> "StreamlitSession":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def open(self, page: str = "", query: str = "") -> Run:
        """Load ``<base>/<page>?<query>`` as a browser would and wait for the first run to finish."""
        self.query_string = query
        await asyncio.to_thread(self._http_get, f"{self.base_url}/{page}" + (f"?{query}" if query else ""))
        await asyncio.to_thread(self._http_get, f"{self.base_url}/_stcore/health")
        ws_url = re.sub(r"^http", "ws", self.base_url) + "/_stcore/stream"
        self._socket = await websockets.connect(
            ws_url, subprotocols=["streamlit", self.cookie("_streamlit_xsrf") or ""],
            additional_headers={"Cookie": self.cookie_header()}, max_size=None, open_timeout=HTTP_TIMEOUT,
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read())
        return await self._rerun(page_name=page)

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        self._socket = self._reader = None

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self._cookies if c.name == name), None)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self._cookies)

    def _http_get(self, url: str) -> None:
        with self._opener.open(url, timeout=HTTP_TIMEOUT) as response:
            response.read()

    # -------------------------------------------------------------------------------- what it shows
    def widgets(self, kind: str | None = None, *, app_wide: bool = False) -> list[Widget]:
        """The widgets on the page (of ``kind``, if given; only the entry script's if ``app_wide``), in
        delta-path order."""
        found = []
        for path in sorted(self._nodes):
            node = self._nodes[path]
            which = node.element.WhichOneof("type") if node.element is not None else None
            if which not in WIDGET_KINDS or (kind is not None and which != kind):
                continue
            if not app_wide or node.script_hash == self.main_script_hash:
                found.append(Widget(which, getattr(node.element, which)))
        return found

    def widget(self, user_key: str) -> Widget:
        """The widget the app created with ``key=user_key``."""
        for widget in self.widgets():
            if widget.user_key == user_key:
                return widget
        raise KeyError(f"no widget with key {user_key!r} on the page; keys: {[w.user_key for w in self.widgets()]}")

    def value(self, widget: Widget) -> Any:
        """What the widget shows: the value the client gave it, or the one the app set, or its default (a
        slider's is a list, a radio's or select box's the option's label)."""
        return self._shown.get(widget.id)

    def texts(self) -> list[str]:
        """The page's texts (markdown, headings, alerts, code), in delta-path order."""
        texts = []
        for path in sorted(self._nodes):
            element = self._nodes[path].element
            which = element.WhichOneof("type") if element is not None else None
            if which in TEXT_FIELDS:
                texts.append(getattr(getattr(element, which), TEXT_FIELDS[which]))
        return texts

    def alerts(self, fmt: int) -> list[str]:
        """Texts of the page's alerts of one ``Alert.Format`` (``Alert.INFO``, ``Alert.SUCCESS``...)."""
        return [node.element.alert.body for _, node in sorted(self._nodes.items())
                if node.element is not None and node.element.WhichOneof("type") == "alert"
                and node.element.alert.format == fmt]

    def component_data(self) -> list[str]:
        """The JSON data of each custom component on the page (charts, menus), in delta-path order."""
        return [node.element.bidi_component.json for _, node in sorted(self._nodes.items())
                if node.element is not None and node.element.WhichOneof("type") == "bidi_component"]

    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(self.query_string, keep_blank_values=True))

    # ------------------------------------------------------------------------------------ doing things
    async def set_widget(self, widget: Widget, value: Any) -> Run:
        """Give ``widget`` a new value as its browser control would (a number or list for a slider, an
        option's label for a radio or select box), and wait for the run."""
        if widget.kind == "file_uploader":
            raise ValueError("an uploader takes a file: use upload()")
        if widget.kind == "slider":
            value = [float(v) for v in (value if isinstance(value, Sequence) else [value])]
        self._shown[widget.id] = value
        return await self._rerun()

    async def rerun(self) -> Run:
        """Run the page again with the widgets as they are (the browser's "Rerun")."""
        return await self._rerun()

    async def switch_page(self, url_path: str, query: str = "") -> Run:
        """Go to another page of the app in this session, as a click on a menu link does."""
        if url_path not in self.pages:
            raise KeyError(f"no page {url_path!r}; pages: {sorted(self.pages)}")
        self.query_string = query
        return await self._rerun(page_hash=self.pages[url_path], history=True, app_wide=True)

    async def upload(self, uploader: Widget, file_name: str, data: bytes) -> Run:
        """Upload ``data`` to a ``st.file_uploader`` as the browser does, and wait for the run it starts."""
        request_id = str(uuid.uuid4())
        future = asyncio.get_running_loop().create_future()
        self._file_urls[request_id] = future
        back = BackMsg()
        back.file_urls_request.request_id = request_id
        back.file_urls_request.session_id = self.session_id
        back.file_urls_request.file_names.append(file_name)
        await self._send(back)
        try:
            response = await asyncio.wait_for(future, HTTP_TIMEOUT)
        except asyncio.TimeoutError as err:
            raise SessionError(f"no file_urls_response in {HTTP_TIMEOUT:.0f} s") from err
        finally:
            self._file_urls.pop(request_id, None)
        if response.error_msg:
            raise SessionError(f"file_urls_request refused: {response.error_msg}")
        urls = response.file_urls[0]
        await asyncio.to_thread(self.put_file, self._server_url(urls.upload_url), file_name, data)
        state = WidgetState(id=uploader.id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = file_name, len(data), urls.file_id
        info.file_urls.CopyFrom(urls)
        self._uploads[uploader.id] = state
        return await self._rerun()

    def _server_url(self, path: str) -> str:
        """``/_stcore/...`` paths the server hands out are relative to the app's base path."""
        return self.base_url + path if path.startswith("/") else path

    def put_file(self, url: str, file_name: str, data: bytes) -> None:
        """``PUT`` a file to an upload URL as the browser does (a multipart form, the XSRF token in a
        header, the session's cookies); raises ``urllib.error.HTTPError`` for a refusal."""
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": self.cookie("_streamlit_xsrf") or "",
        })
        with self._opener.open(request, timeout=HTTP_TIMEOUT) as response:
            if response.status != 204:
                raise SessionError(f"upload to {url} answered {response.status}")

    # ---------------------------------------------------------------------------------------- protocol
    async def _rerun(self, page_name: str = "", page_hash: str | None = None, history: bool = False,
                     app_wide: bool = False) -> Run:
        if self.disconnected:
            raise SessionError("the websocket is closed")
        state = ClientState(query_string=self.query_string, page_name=page_name,
                            page_script_hash=page_hash if page_hash is not None else self.page_hash,
                            is_history_navigation=history)
        state.widget_states.widgets.extend(self._widget_states(app_wide))
        state.context_info.locale = self.locale
        state.context_info.timezone = "UTC"
        state.context_info.url = f"{self.base_url}/{page_name}"
        back = BackMsg()
        back.rerun_script.CopyFrom(state)
        run = self._run = Run(requested=time.monotonic())
        self._run_done.clear()
        await self._send(back)
        try:
            await asyncio.wait_for(self._run_done.wait(), self.run_timeout)
        except asyncio.TimeoutError as err:
            raise SessionError(f"run not finished after {self.run_timeout:.0f} s") from err
        if run.finished is None:
            raise SessionError("the connection closed during the run: " + "; ".join(run.problems))
        return run

    async def _send(self, back: BackMsg) -> None:
        try:
            await self._socket.send(back.SerializeToString())
        except websockets.ConnectionClosed as err:
            self._lost(f"disconnected while sending: {err}")
            raise SessionError("the websocket is closed") from err

    async def _read(self) -> None:
        try:
            async for payload in self._socket:
                if self.payloads is not None:
                    self.payloads.append(payload)
                msg = ForwardMsg()
                msg.ParseFromString(payload)
                if self._run is not None:
                    self._run.received_bytes += len(payload)
                self._handle(msg)
            self._lost("the server closed the websocket")
        except websockets.ConnectionClosed as err:
            self._lost(f"disconnected: {err}")

    def _lost(self, why: str) -> None:
        if not self.disconnected and self._run is not None and self._run.finished is None:
            self._problem(why)
        self.disconnected = True
        self._run_done.set()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id or self.session_id
            self.page_hash = msg.new_session.page_script_hash
            self.main_script_hash = msg.new_session.main_script_hash
            self._run_id = msg.metadata.run.script_run_id
            self._run_fragments = tuple(msg.metadata.run.fragment_ids)
        elif kind == "delta":
            self._apply_delta(msg)
        elif kind == "navigation":  # st.navigation ran: the app's pages, and which one this run shows
            self.pages = {page.url_pathname: page.page_script_hash for page in msg.navigation.app_pages
                          if not page.is_hidden}
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self._problem(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            error = msg.session_event.script_compilation_exception
            self._problem(f"script did not compile: {error.type}: {error.message}")
        elif kind == "file_urls_response":
            future = self._file_urls.get(msg.file_urls_response.response_id)
            if future is not None and not future.done():
                future.set_result(msg.file_urls_response)
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return  # the chain goes on: a callback's st.rerun, or the first run's page switch
            self._drop_stale_nodes(full_run=msg.script_finished != ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self._problem("script finished with a compile error")
            if self._run is not None and self._run.finished is None:
                self._run.finished, self._run.status = time.monotonic(), status
                self._run_done.set()

    def _apply_delta(self, msg: ForwardMsg) -> None:
        path = tuple(msg.metadata.delta_path)
        delta = msg.delta
        which = delta.WhichOneof("type")
        if which == "new_element":
            element = delta.new_element
            self._nodes[path] = _Node(element, self._run_id, delta.fragment_id, msg.metadata.active_script_hash)
            kind = element.WhichOneof("type")
            if kind == "exception":
                self._problem(f"exception: {element.exception.type}: {element.exception.message[:300]}")
            elif kind == "alert" and element.alert.format == Alert.ERROR:
                self._problem(f"error alert: {element.alert.body[:300]}")
            elif kind == "alert" and element.alert.format == Alert.WARNING and self._run is not None:
                self._run.warnings.append(element.alert.body[:300])
            elif kind in WIDGET_KINDS:
                self._remember_value(kind, getattr(element, kind))
        elif which == "add_block":
            self._nodes[path] = _Node(None, self._run_id, delta.fragment_id, msg.metadata.active_script_hash)

    def _remember_value(self, kind: str, proto: Any) -> None:
        """A widget arrived: it shows the value the app set (``set_value``), else what it showed, else its default."""
        if kind == "slider":
            server, default = (list(proto.value) if proto.set_value else None), list(proto.default)
        elif kind in ("radio", "selectbox"):
            server = proto.raw_value if proto.set_value and proto.HasField("raw_value") else None
            default = proto.options[proto.default] if proto.HasField("default") and proto.options else None
        elif kind in ("number_input", "text_input"):
            server = proto.value if proto.set_value and proto.HasField("value") else None
            default = proto.default if proto.HasField("default") else None
        elif kind == "checkbox":
            server, default = (proto.value if proto.set_value else None), proto.default
        else:
            return
        if server is not None:
            self._shown[proto.id] = server
        else:
            self._shown.setdefault(proto.id, default)

    def _widget_states(self, app_wide: bool = False) -> list[WidgetState]:
        """The state of every widget on the page that holds a value, as the frontend sends it with a
        rerun; for a page change (``app_wide``) only those of the entry script's widgets."""
        states = []
        for widget in self.widgets(app_wide=app_wide):
            value = self._shown.get(widget.id)
            if widget.id in self._uploads:
                states.append(self._uploads[widget.id])
            elif value is None:
                continue
            elif widget.kind == "slider":
                states.append(WidgetState(id=widget.id, double_array_value={"data": value}))
            elif widget.kind in ("radio", "selectbox", "text_input"):
                states.append(WidgetState(id=widget.id, string_value=str(value)))
            elif widget.kind == "checkbox":
                states.append(WidgetState(id=widget.id, bool_value=bool(value)))
            elif widget.kind == "number_input" and widget.proto.data_type == widget.proto.INT:
                states.append(WidgetState(id=widget.id, int_value=int(value)))
            elif widget.kind == "number_input":
                states.append(WidgetState(id=widget.id, double_value=float(value)))
        return states

    def _drop_stale_nodes(self, full_run: bool) -> None:
        """Forget what the run that just finished did not draw again (as the frontend does), and the
        values of widgets no longer on the page."""
        for path, node in list(self._nodes.items()):
            redrawn = node.run_id == self._run_id
            in_scope = full_run or node.fragment_id in self._run_fragments
            if in_scope and not redrawn:
                del self._nodes[path]
        present = {widget.id for widget in self.widgets()}
        self._shown = {wid: value for wid, value in self._shown.items() if wid in present}
        self._uploads = {wid: state for wid, state in self._uploads.items() if wid in present}

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        if self._run is not None:
            self._run.problems.append(text)
