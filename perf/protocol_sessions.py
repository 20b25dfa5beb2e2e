"""Many Streamlit sessions at once without a browser: the frontend's own handshake, spoken over a plain websocket.

On a 2-core machine, 10–25 Chromium tabs saturate the CPU themselves, so browser timings measure the browsers. This
client does what Streamlit 1.67's frontend does when a user opens `http://host:port/<path>`, minus rendering:

1. GET the page (index.html), then GET `_stcore/health` and `_stcore/host-config` together, as the frontend's
   connection manager does. The health response, not the page, sets the `_streamlit_xsrf` cookie.
2. Open `ws://host:port/_stcore/stream` with subprotocols `["streamlit", <xsrf cookie value>]`, an Origin header and
   the cookie. The server reads the 2nd subprotocol entry as the XSRF token (a 3rd would resume an old session).
3. Send one BackMsg `rerun_script` whose ClientState carries the page's url path as `page_name` (the server resolves
   it to a page; `page_script_hash` stays empty), the query string, empty widget states and the browser context.
4. Read ForwardMsgs until `script_finished`. A fresh client caches nothing, so it sends no `cached_message_hashes`
   and the server never answers with `ref_hash` references; one arriving anyway is reported as an error.

Static JS/CSS downloads and rendering are not reproduced: the timings are the server's side of a page load.
The transport is the `websockets` package (a Streamlit dependency); Streamlit 1.67 runs on uvicorn, not tornado.
"""
from __future__ import annotations

import asyncio
import json
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

XSRF_COOKIE = "_streamlit_xsrf"
NO_XSRF_TOKEN = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend sends when it finds no cookie (XSRF off)
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a load test talks to the server, never a proxy


@dataclass
class SessionResult:
    """One session's page load; times are ms from the start of its HTTP GET of the page."""

    ok: bool
    error: str | None = None
    connected_ms: float | None = None      # websocket open (after the page, health and host-config GETs)
    first_chart_ms: float | None = None    # first ForwardMsg carrying a Plotly chart: the first chart a browser draws
    finished_ms: float | None = None       # script_finished of the run that completed (not one cut short by st.rerun)
    messages: int = 0                      # ForwardMsgs received
    bytes: int = 0                         # their payload bytes (the server does not compress the websocket by default)
    script_runs: int = 0                   # runs that finished; more than 1 when the app called st.rerun on load
    page: str | None = None                # url path of the page the server says it ran (last `navigation` message)
    first_chart_title: str | None = None   # the first chart's Plotly layout title: shows which page really ran


def _fetch(url: str) -> tuple[int, list[str]]:
    """GET `url` and read the body, as a browser does; (status, Set-Cookie header values). Blocking: run in a pool."""
    with _DIRECT.open(urllib.request.Request(url), timeout=60) as response:
        response.read()
        return response.status, response.headers.get_all("Set-Cookie") or []


def _cookie_value(set_cookies: list[str], name: str) -> str | None:
    """The raw value of cookie `name` (Streamlit writes the XSRF value unquoted, `2|mask|token|time`)."""
    for header in set_cookies:
        key, _, rest = header.partition("=")
        if key.strip() == name:
            return rest.split(";", 1)[0]
    return None


def _rerun_message(page_url: str, page_name: str, query_string: str) -> bytes:
    """The BackMsg the frontend sends once connected: run the page named by the URL, no widgets, nothing cached."""
    message = BackMsg()
    state = message.rerun_script
    state.query_string = query_string
    state.page_name = page_name            # url path relative to the base URL; the server maps it to the page
    state.page_script_hash = ""            # unknown on a first load; the server fills it in
    state.widget_states.SetInParent()      # empty WidgetStates, as a fresh page has
    state.context_info.timezone = "UTC"    # what headless Chromium on this machine reports (st.context)
    state.context_info.timezone_offset = 0
    state.context_info.locale = "en-US"
    state.context_info.url = page_url
    state.context_info.is_embedded = False
    state.context_info.color_scheme = "light"
    return message.SerializeToString()


def _chart_title(spec: str) -> str | None:
    """The Plotly figure's layout title, if it has one."""
    title = json.loads(spec).get("layout", {}).get("title")
    return title.get("text") if isinstance(title, dict) else title


def _page_ran(navigation) -> str | None:
    """url path of the page the navigation message marks as current."""
    return next((page.url_pathname for page in navigation.app_pages
                 if page.page_script_hash == navigation.page_script_hash), None)


def _note(result: SessionResult, message: ForwardMsg, elapsed_ms: float) -> bool:
    """Record what one ForwardMsg says about the load; True once the page's run has finished."""
    kind = message.WhichOneof("type")
    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element
        if element.WhichOneof("type") == "plotly_chart" and result.first_chart_ms is None:
            result.first_chart_ms = elapsed_ms
            result.first_chart_title = _chart_title(element.plotly_chart.spec)
        elif element.WhichOneof("type") == "exception" and result.error is None:
            result.error = f"the script raised {element.exception.type}: {element.exception.message}".strip()
    elif kind == "navigation":
        result.page = _page_ran(message.navigation)
    elif kind == "page_not_found":
        result.error = "no page at this url path: the server ran the default page instead"
    elif kind == "ref_hash":  # only sent for hashes the client said it cached, and this client caches none
        raise RuntimeError(f"unexpected ref_hash {message.ref_hash}: the server thinks this client caches messages")
    elif kind == "script_finished":
        result.script_runs += 1
        status = message.script_finished
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            result.error = result.error or "the script failed to compile"
        # FINISHED_EARLY_FOR_RERUN: the app called st.rerun (e.g. a deep link's first run): its next run follows.
        if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            result.finished_ms = elapsed_ms
            return True
    return False


async def _load_page(result: SessionResult, base_url: str, path: str, pool: ThreadPoolExecutor) -> None:
    """Load `base_url/path` the way the frontend does and read until its script run finishes, filling `result`
    as it goes (so a session cut short by the deadline keeps what it measured)."""
    base = base_url.rstrip("/")
    page_path, _, query_string = path.lstrip("/").partition("?")
    page_url = f"{base}/{page_path}"
    loop = asyncio.get_running_loop()
    started = time.perf_counter()

    def elapsed_ms() -> float:
        return (time.perf_counter() - started) * 1000

    status, _ = await loop.run_in_executor(pool, _fetch, page_url + (f"?{query_string}" if query_string else ""))
    if status != 200:
        raise RuntimeError(f"GET {page_url} answered {status}")
    (_, health_cookies), _ = await asyncio.gather(loop.run_in_executor(pool, _fetch, f"{base}/_stcore/health"),
                                                  loop.run_in_executor(pool, _fetch, f"{base}/_stcore/host-config"))
    xsrf = _cookie_value(health_cookies, XSRF_COOKIE)
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
    async with connect(base.replace("http", "ws", 1) + "/_stcore/stream", origin=origin,
                       subprotocols=["streamlit", xsrf or NO_XSRF_TOKEN],
                       additional_headers={"Cookie": f"{XSRF_COOKIE}={xsrf}"} if xsrf else None,
                       proxy=None, open_timeout=None,  # the caller's timeout bounds the whole load
                       ping_interval=None,              # browsers never ping; pings from the server are answered
                       max_size=None) as websocket:     # a Plotly spec can exceed the 1 MiB default
        result.connected_ms = elapsed_ms()
        await websocket.send(_rerun_message(page_url, urllib.parse.unquote(page_path.rstrip("/")), query_string))
        async for payload in websocket:
            message = ForwardMsg()
            message.ParseFromString(payload)
            result.messages += 1
            result.bytes += len(payload)
            if _note(result, message, elapsed_ms()):
                break
    # Leaving the block closes the websocket (close handshake), so the server disconnects the session at once.
    if result.finished_ms is None:
        result.error = result.error or "the server closed the websocket before script_finished"
    result.ok = result.error is None


async def _timed_session(base_url: str, path: str, timeout_s: float, pool: ThreadPoolExecutor) -> SessionResult:
    """One session under its own deadline; any failure becomes a failed SessionResult carrying the error text."""
    result = SessionResult(ok=False)
    try:
        async with asyncio.timeout(timeout_s):
            await _load_page(result, base_url, path, pool)
    except TimeoutError:
        stage = "before the websocket opened" if result.connected_ms is None else f"after {result.messages} messages"
        result.error = f"timed out after {timeout_s:g} s, {stage}"
    except Exception as error:  # noqa: BLE001 — a failed session is a measurement, not a crash of the run
        result.error = f"{type(error).__name__}: {error}"
    return result


async def run_sessions(base_url: str, path: str, sessions: int, timeout_s: float = 90) -> list[SessionResult]:
    """Start `sessions` page loads of `base_url/path` at once; one SessionResult each, in start order.

    `path` is the page's url path, optionally with a query string (`governance?lang=en`); "" is the default page.
    Every websocket is closed before this returns."""
    # The HTTP GETs block, so they run in threads; enough that no session waits for another's GET.
    with ThreadPoolExecutor(max_workers=2 * sessions, thread_name_prefix="protocol-get") as pool:
        return list(await asyncio.gather(*[_timed_session(base_url, path, timeout_s, pool) for _ in range(sessions)]))


def time_protocol_sessions(base_url: str, path: str, sessions: int, timeout_s: float = 90) -> list[SessionResult]:
    """run_sessions from synchronous code."""
    return asyncio.run(run_sessions(base_url, path, sessions, timeout_s))


def active_sessions(base_url: str) -> int:
    """The server's count of connected sessions, from its `_stcore/metrics` endpoint."""
    with _DIRECT.open(f"{base_url.rstrip('/')}/_stcore/metrics?families=active_sessions", timeout=10) as response:
        lines = response.read().decode().splitlines()
    return int(next(line.split()[-1] for line in lines if line.startswith("active_sessions")))


def _summary(results: list[SessionResult]) -> str:
    """'ok k/n · first chart median/max ms · finished median/max ms · messages, MB' for one batch."""
    done = [r for r in results if r.ok]
    charts = sorted(r.first_chart_ms for r in done if r.first_chart_ms is not None)
    finished = sorted(r.finished_ms for r in done if r.finished_ms is not None)

    def median_max(values: list[float]) -> str:
        return f"{values[len(values) // 2]:.0f}/{values[-1]:.0f} ms" if values else "—"

    megabytes = sum(r.bytes for r in results) / 1e6
    line = (f"ok {len(done)}/{len(results)} · first chart median/max {median_max(charts)} · finished median/max "
            f"{median_max(finished)} · {sum(r.messages for r in results)} msgs, {megabytes:.1f} MB")
    errors = sorted({r.error for r in results if r.error})
    return line + "".join(f"\n    error: {error}" for error in errors)


if __name__ == "__main__":
    from perf.server import Server

    with Server() as server:
        url = f"http://127.0.0.1:{server.port}"
        time_protocol_sessions(url, "governance", 1)  # the server's first run fills its caches
        for count in (1, 10, 25):
            results = time_protocol_sessions(url, "governance", count)
            print(f"{count:>2} sessions on governance: {_summary(results)}")
            print(f"    page run: {sorted({r.page for r in results}, key=str)}, "
                  f"first chart: {sorted({r.first_chart_title for r in results}, key=str)}, "
                  f"server sessions still connected: {active_sessions(url)}")
