"""HTTP clients of scripts/web-load (Python standard library only).

  web_load.py load UPLOADS ROWS        concurrent uploads + accepts while timing page views
  web_load.py time-accept I            upload and accept upload I; prints the accept's seconds
  web_load.py upload-accept I DELAY    upload upload I, send its accept, return after DELAY seconds

The server is WEB_LOAD_BASE; files and results are in WEB_LOAD_DIR (uploadI.csv; accepted.total and
requests.ok written by `load`). Accounts team0..team3 and office, password SIPAS_PASSWORD.
"""
import http.client
import http.cookiejar
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

BASE = os.environ["WEB_LOAD_BASE"]
DIR = os.environ["WEB_LOAD_DIR"]
PASSWORD = os.environ["SIPAS_PASSWORD"]


class Client:
    """One signed-in account: its cookie and CSRF token."""

    def __init__(self, name):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        form = urllib.parse.urlencode({"name": name, "password": PASSWORD}).encode()
        self.opener.open(BASE + "/login", data=form, timeout=60).read()
        session = json.loads(self.opener.open(BASE + "/api/session", timeout=60).read())
        self.csrf = session["csrf"]

    def get(self, path, timeout=120):
        with self.opener.open(BASE + path, timeout=timeout) as response:
            response.read()
            return response.status

    def post(self, path, body=b"", timeout=600):
        request = urllib.request.Request(BASE + path, data=body, method="POST",
                                         headers={"X-CSRF-Token": self.csrf, "Content-Type": "text/csv"})
        with self.opener.open(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")

    def upload(self, index):
        with open(os.path.join(DIR, f"upload{index}.csv"), "rb") as f:
            body = f.read()
        status, upload = self.post(f"/api/uploads?name=upload{index}.csv", body)
        assert status == 201, status
        return upload["id"]


def load(uploads, rows):
    teams = [Client(f"team{i}") for i in range(4)]
    office = Client("office")
    failures, accepted, latencies = [], [], []
    lock = threading.Lock()
    done = threading.Event()

    def uploader(i):
        client = teams[i % 4]
        try:
            upload = client.upload(i)
            status, outcome = client.post(f"/api/uploads/{upload}/accept")
            if status != 201 or outcome["outcome"] != "loaded":
                raise RuntimeError(f"accept answered {status} {outcome.get('outcome')}")
            with lock:
                accepted.append(outcome["batch"]["accepted"])
        except Exception as error:  # noqa: BLE001 - every failure is counted and printed
            with lock:
                failures.append(f"upload {i}: {error!r}")

    def viewer(client, path):
        while not done.is_set():
            start = time.monotonic()
            try:
                status = client.get(path)
                if status != 200:
                    raise RuntimeError(f"status {status}")
            except Exception as error:  # noqa: BLE001
                with lock:
                    failures.append(f"GET {path}: {error!r}")
                continue
            with lock:
                latencies.append(time.monotonic() - start)
            time.sleep(0.05)

    viewers = [threading.Thread(target=viewer, args=(teams[i], "/")) for i in range(2)]
    viewers += [threading.Thread(target=viewer, args=(office, "/progress")) for _ in range(2)]
    for thread in viewers:
        thread.start()
    start = time.monotonic()
    workers = [threading.Thread(target=uploader, args=(i,)) for i in range(uploads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    wall = time.monotonic() - start
    done.set()
    for thread in viewers:
        thread.join()
    for failure in failures:
        print("FAILED", failure)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    print(f"{uploads} uploads x {rows} rows: {len(accepted)} accepted ({sum(accepted)} rows) in {wall:.1f} s; "
          f"{len(latencies)} page views, p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms; "
          f"{len(failures)} failed requests")
    with open(os.path.join(DIR, "accepted.total"), "w") as f:
        f.write(str(sum(accepted)))
    ok_path = os.path.join(DIR, "requests.ok")
    if os.path.exists(ok_path):
        os.remove(ok_path)
    if not failures and len(accepted) == uploads:
        open(ok_path, "w").close()


def time_accept(index):
    client = Client("team0")
    upload = client.upload(index)
    start = time.monotonic()
    client.post(f"/api/uploads/{upload}/accept")
    print(f"{time.monotonic() - start:.2f}")


def upload_accept(index, delay):
    client = Client(f"team{index % 4}")
    upload = client.upload(index)
    parts = urllib.parse.urlsplit(BASE)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    cookie = "; ".join(f"{c.name}={c.value}" for c in client.jar)
    connection.request("POST", f"/api/uploads/{upload}/accept", body=b"",
                       headers={"X-CSRF-Token": client.csrf, "Cookie": cookie, "Content-Length": "0"})
    time.sleep(delay)  # the caller kills the server now; the answer, if any, is not awaited


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "load":
        load(int(sys.argv[2]), int(sys.argv[3]))
    elif command == "time-accept":
        time_accept(int(sys.argv[2]))
    elif command == "upload-accept":
        upload_accept(int(sys.argv[2]), float(sys.argv[3]))
