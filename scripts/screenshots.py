#!/usr/bin/env python3
"""Screenshots of the office's daily work for docs/daily-work.md: starts the demo on a
throw-away file and headless Chromium through chromedriver (W3C WebDriver over plain HTTP),
signs in and photographs the pages at 390x844 (a phone) and 1280x900 (an office PC).

    cargo build && python3 scripts/screenshots.py [path/to/hoptac]
"""
import base64, json, os, socket, subprocess, sys, tempfile, time, urllib.request

HOPTAC = sys.argv[1] if len(sys.argv) > 1 else "target/debug/hoptac"
OUT = "docs/img"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wait_port(port):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")


def wd(method, path, body=None):
    req = urllib.request.Request(
        f"http://127.0.0.1:{DRIVER}{path}",
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())["value"]


tmp = tempfile.mkdtemp()
APP, DRIVER = free_port(), free_port()
env = dict(os.environ, HOPTAC_DB=os.path.join(tmp, "demo.db"), HOPTAC_LOG="warn")
server = subprocess.Popen([HOPTAC, "serve", "--demo", "--addr", f"127.0.0.1:{APP}"], env=env)
driver = subprocess.Popen(["chromedriver", f"--port={DRIVER}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_port(APP)
    wait_port(DRIVER)
    caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--user-data-dir={tmp}/profile"]}}}}
    sid = wd("POST", "/session", caps)["sessionId"]
    s = f"/session/{sid}"
    base = f"http://127.0.0.1:{APP}"

    def go(path):
        wd("POST", f"{s}/url", {"url": base + path})

    def find(css):
        e = wd("POST", f"{s}/element", {"using": "css selector", "value": css})
        return list(e.values())[0]

    def shot(name, w, h):
        wd("POST", f"{s}/window/rect", {"width": w, "height": h})
        png = base64.b64decode(wd("GET", f"{s}/screenshot"))
        with open(f"{OUT}/{name}.png", "wb") as f:
            f.write(png)
        print(f"{OUT}/{name}.png")

    go("/orgs")
    wd("POST", f"{s}/element/{find('#username')}/value", {"text": "canbo"})
    wd("POST", f"{s}/element/{find('#password')}/value", {"text": "hoptac-demo"})
    wd("POST", f"{s}/element/{find('#login-button')}/click", {})
    time.sleep(1)
    for path, name in [
        ("/todo", "todo"),
        ("/orgs?status=active&size=25", "registry"),
        ("/orgs/HTX-TM-07", "org"),
        ("/orgs/HTX-TM-07/managers/new", "manager-new"),
        ("/orgs/HTX-TM-07/reports/2024/archive", "archive"),
        ("/orgs/HTX-TM-07/reports/2025/edit", "report-edit"),
        ("/indicators/htx.founded/records?from=2016&to=2020&scope=872", "records"),
        ("/quality/cases/1", "case"),
    ]:
        go(path)
        time.sleep(0.5)
        shot(f"{name}-pc", 1280, 900)
        shot(f"{name}-phone", 390, 844)
    wd("DELETE", s)
finally:
    driver.terminate()
    server.terminate()
