"""deploy/nginx/cchc.conf serves the built site under /cchc/ of a portal: pages, QR
addresses, search, the 404 page, gzip, cache lifetimes, MIME types and headers.

nginx runs unprivileged-style on loopback (its own prefix, pid, logs and temp files
under tmp, a free port); it is installed from Debian when missing and possible.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from generator.site.csp import HEADER_ONLY, POLICY
from tests.conftest import ROOT, SAMPLE_CONTENT, copy_content
from tests.preview import free_port, wait_for

PORTAL = "https://portal.example.gov.vn/cchc/"
DEPLOY = ROOT / "deploy" / "nginx"


def _nginx() -> str | None:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                      else None)
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if found and Path(found).exists() else None


MAIN_CONF = """\
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include snippets/cchc.conf;
    }}
}}
"""


PLANTED = {
    "trang.html": "<!doctype html><title>goc</title><script>document.title='chay'</script>",
    "anh.svg": "<svg xmlns='http://www.w3.org/2000/svg' onload=\"document.title='chay'\"/>",
    "ma.js": "document.title = 'chay';",
}


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _nginx()
    if binary is None:
        pytest.skip("nginx is not installed (.ci/packages.txt lists it)")
    prefix = tmp_path_factory.mktemp("nginx")
    copy_content(SAMPLE_CONTENT, prefix / "content")
    www = prefix / "www"
    result = pipeline.build(prefix / "content", www / "cchc", site_url=PORTAL)
    assert not result.failed(strict=True)
    for name, data in PLANTED.items():  # as an older cchc could have published them
        (www / "cchc" / "tep" / name).write_text(data)
    (www / "cchc" / "thu-nghiem-tep.html").write_text(
        '<!doctype html><title>goc</title><script src="tep/ma.js"></script>')
    for folder in ("conf/snippets", "logs", "tmp"):
        (prefix / folder).mkdir(parents=True)
    conf = (DEPLOY / "cchc.conf").read_text(encoding="utf-8")
    (prefix / "conf/snippets/cchc.conf").write_text(conf.replace("/srv/cchc/www", str(www)))
    shutil.copy(DEPLOY / "cchc-headers.conf", prefix / "conf/snippets/cchc-headers.conf")
    port = free_port()
    (prefix / "conf/nginx.conf").write_text(MAIN_CONF.format(
        prefix=prefix, port=port, user="user root;" if os.geteuid() == 0 else ""))
    test = subprocess.run([binary, "-t", "-p", str(prefix), "-c", "conf/nginx.conf"],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen([binary, "-p", str(prefix), "-c", "conf/nginx.conf",
                                "-g", "daemon off;"], start_new_session=True,
                               stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: _get(base + "cchc/")[0] == 200), "nginx did not start"
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def _get(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok
                                     else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, \
                response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
    except OSError:
        return 0, {}, b""


def test_pages_come_with_the_policy_and_security_headers(nginx: str) -> None:
    for path in ("cchc/", "cchc/thu-tuc/1-001193/", "cchc/in/tat-ca/"):
        status, headers, body = _get(nginx + path)
        assert status == 200 and headers["content-type"] == "text/html; charset=utf-8", path
        assert headers["content-security-policy"] == f"{POLICY}; {HEADER_ONLY}"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["cache-control"] == "no-cache"
        assert b"<h1" in body
    status, headers, _ = _get(nginx + "cchc")
    assert status == 200  # redirected to /cchc/


def test_cache_lifetimes_mime_types_and_gzip(nginx: str) -> None:
    html = _get(nginx + "cchc/")[2]
    # Material's stylesheet has a hash in its name (its script is not used: main.html)
    bundle = re.search(rb'href="(assets/stylesheets/main\.[0-9a-f]{8}\.min\.css)"', html)
    assert bundle is not None
    _, headers, _ = _get(nginx + "cchc/" + bundle.group(1).decode())
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["content-security-policy"].startswith("default-src 'self'")
    expected = {
        "cchc/": "text/html",
        "cchc/assets/stylesheets/cchc.css": "text/css",
        "cchc/" + bundle.group(1).decode(): "text/css",
        "cchc/assets/javascripts/cchc-search.js": "application/javascript",
        "cchc/qr/thu-tuc/1-001193.svg": "image/svg+xml",
        "cchc/sitemap.xml": "text/xml",
        "cchc/cap-nhat.xml": "application/atom+xml; charset=utf-8",
        "cchc/danh-ba/duong-day-nong.vcf": "text/vcard; charset=utf-8",
    }
    for path, kind in expected.items():
        status, headers, body = _get(nginx + path, gzip_ok=True)
        assert status == 200 and headers["content-type"].startswith(kind), (path, headers)
        assert headers.get("content-encoding") == "gzip", path
        gzip.decompress(body)


def test_a_missing_page_gets_the_sites_404(nginx: str) -> None:
    status, headers, body = _get(nginx + "cchc/thu-tuc/khong-co-thu-tuc-nay/")
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert b"/cchc/assets/stylesheets/" in body and b"md-content" in body


@pytest.mark.browser
def test_a_printed_qr_code_leads_to_its_page_through_nginx(nginx: str, browser: Any) -> None:
    import zxingcpp
    from PIL import Image

    page = browser.new_page(viewport={"width": 400, "height": 400})
    try:
        page.goto(nginx + "cchc/qr/thu-tuc/1-001193.svg")
        image = Image.open(io.BytesIO(page.screenshot()))
    finally:
        page.close()
    [code] = zxingcpp.read_barcodes(image)
    assert code.text == PORTAL + "thu-tuc/1-001193/"
    status, _, body = _get(nginx + code.text.removeprefix("https://portal.example.gov.vn/"))
    assert status == 200 and "Thủ tục đăng ký khai sinh".encode() in body


@pytest.mark.browser
def test_search_runs_through_nginx(nginx: str, browser: Any) -> None:
    page = browser.new_page()
    fetched: list[tuple[str, str]] = []
    page.on("response", lambda r: fetched.append((r.url, r.headers.get("content-type", "")))
            if "/chi-muc/" in r.url else None)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    try:
        page.goto(nginx + "cchc/tim-kiem/?q=khai+sinh")
        page.wait_for_function("() => document.querySelectorAll('#ket-qua li a').length > 0")
        assert page.locator("#ket-qua li a").first.inner_text() == "Thủ tục đăng ký khai sinh"
    finally:
        page.close()
    assert fetched and all(kind.startswith("application/json") for _, kind in fetched)
    assert violations == []


def test_attachments_never_run_as_the_portal(nginx: str) -> None:
    """Issue 14: tep/ is served with nosniff and a sandbox; only PDFs and images open."""
    for path, inline in (("cchc/tep/mau/phieu-yeu-cau-chung-thuc.pdf", True),
                         ("cchc/tep/mau/to-khai-dang-ky-khai-sinh.docx", False)):
        status, headers, body = _get(nginx + path)
        assert status == 200 and body, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["content-security-policy"] == "sandbox"
        assert headers["strict-transport-security"] == "max-age=31536000"
        assert headers["cache-control"] == "no-cache"
        assert headers.get("content-disposition") == (None if inline else "attachment"), path
    assert _get(nginx + "cchc/tep/mau/phieu-yeu-cau-chung-thuc.pdf")[1][
        "content-type"] == "application/pdf"
    status, headers, _ = _get(nginx + "cchc/tep/khong-co.html")
    assert status == 404


def test_pages_ask_for_https_only(nginx: str) -> None:
    assert _get(nginx + "cchc/")[1]["strict-transport-security"] == "max-age=31536000"


def test_other_files_under_tep_are_inert_data(nginx: str) -> None:
    for name in PLANTED:
        status, headers, _ = _get(nginx + "cchc/tep/" + name)
        assert status == 200, name
        assert headers["content-type"] == "application/octet-stream", name
        assert headers["content-disposition"] == "attachment", name
        assert headers["content-security-policy"] == "sandbox", name
    assert _get(nginx + "cchc/tep/mau/to-khai-dang-ky-khai-sinh.docx")[1]["content-type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@pytest.mark.browser
def test_a_script_under_tep_never_runs_in_chromium(nginx: str, browser: Any) -> None:
    """``<script src=tep/ma.js>`` on a page of the site (whose CSP allows 'self'):
    nosniff with a non-script type blocks it; the files themselves only download."""
    page = browser.new_page()
    try:
        page.goto(nginx + "cchc/thu-nghiem-tep.html")
        page.wait_for_timeout(300)
        assert page.title() == "goc"
        for name in PLANTED:
            with page.expect_download() as download:
                page.evaluate("url => { const a = document.createElement('a'); a.href = url; "
                              "document.body.appendChild(a); a.click(); }",
                              nginx + "cchc/tep/" + name)
            assert download.value.suggested_filename == name
            assert page.title() == "goc"
    finally:
        page.close()
