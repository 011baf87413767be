"""``cchc serve`` regenerates the preview when a file under content/ changes."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.preview import http_get, preview, wait_for


@pytest.fixture
def server(make_content: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    content = make_content()
    with preview(content) as url:
        yield content, url


def test_preview_follows_content_edits(server: tuple[Path, str]) -> None:
    content, url = server
    page = url + "thu-tuc/1-001193/"
    assert wait_for(lambda: "Thủ tục đăng ký khai sinh" in http_get(page)), "preview never came up"

    proc_file = content / "thu-tuc/ho-tich/1-001193.yml"
    proc_file.write_text(proc_file.read_text(encoding="utf-8").replace(
        "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh cho trẻ em"), encoding="utf-8")
    assert wait_for(lambda: "khai sinh cho trẻ em" in http_get(page)), "edit not picked up"

    # A broken edit keeps the last good preview on screen.
    proc_file.write_text("ma_thu_tuc: [\n", encoding="utf-8")
    time.sleep(3)
    assert "khai sinh cho trẻ em" in http_get(page)


def test_preview_rebuilds_what_changed_and_everything_when_every_page_changes(
        make_content: Callable[..., Path]) -> None:
    """The preview builds only changed pages (mkdocs' dirty build), except when what
    every page shows changes (here the commune's name in the header), and drops
    the page of a deleted procedure."""
    from tests.conftest import MINIMAL_PROCEDURE

    second = MINIMAL_PROCEDURE.replace('"1.001193"', '"1.000894"').replace(
        "đăng ký khai sinh", "đăng ký kết hôn")
    content = make_content({"thu-tuc/ho-tich/1-000894.yml": second})
    with preview(content) as url:
        first_page, second_page = url + "thu-tuc/1-001193/", url + "thu-tuc/1-000894/"
        assert wait_for(lambda: "đăng ký kết hôn" in http_get(second_page)), "no preview"

        procedure = content / "thu-tuc/ho-tich/1-001193.yml"
        procedure.write_text(procedure.read_text(encoding="utf-8").replace(
            "đăng ký khai sinh", "đăng ký khai sinh cho trẻ em"), encoding="utf-8")
        assert wait_for(lambda: "khai sinh cho trẻ em" in http_get(first_page))
        assert "đăng ký kết hôn" in http_get(second_page)  # kept, not rebuilt

        unit = content / "don-vi.yml"
        unit.write_text(unit.read_text(encoding="utf-8").replace(
            'ten: "UBND xã Thử Nghiệm"', 'ten: "UBND xã Thử Nghiệm Mới"'), encoding="utf-8")
        assert wait_for(lambda: "Thử Nghiệm Mới" in http_get(second_page)), \
            "a page whose source did not change still shows the old name"

        (content / "thu-tuc/ho-tich/1-000894.yml").unlink()
        assert wait_for(lambda: "đăng ký kết hôn" not in http_get(second_page))


def test_a_port_in_use_is_a_usage_error_in_vietnamese(cchc: Callable[..., Run],
                                                      make_content: Callable[..., Path]) -> None:
    content = make_content()
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        run = cchc("serve", "--content", content, "--port", str(port))
    assert run.code == 2
    assert run.err == (
        f"cchc serve: lỗi: cổng {port} đang được một chương trình khác dùng (có thể là một "
        "cửa sổ «cchc serve» khác chưa tắt), nên không mở được bản xem trước.\n"
        "  gợi ý: tắt chương trình kia (Ctrl+C trong cửa sổ của nó), hoặc chọn cổng khác: "
        f"cchc serve --port {port + 1}\n")
    assert "Xem trước tại" not in run.err + run.out  # never another program's address as ours
    assert not (content.parent / "site_src").exists()  # stopped before generating anything


def test_a_port_out_of_range_is_a_usage_error(cchc: Callable[..., Run],
                                              make_content: Callable[..., Path]) -> None:
    run = cchc("serve", "--content", make_content(), "--port", "70000")
    assert run.code == 2
    assert run.err.endswith("cchc serve: lỗi: tham số --port: cổng «70000» không hợp lệ: ghi "
                            "một số từ 1 đến 65535, ví dụ 8001\n")


def test_a_port_just_freed_is_not_in_use() -> None:
    """A preview stopped a moment ago leaves connections in TIME_WAIT on its port; mkdocs
    binds over them, so the check must not refuse the port (only a listener counts)."""
    from generator.site.serve import port_in_use

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs' server
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    served, _ = listener.accept()
    served.close()  # the server side closes first: its end waits in TIME_WAIT
    client.close()
    assert port_in_use(port)  # still listening
    listener.close()
    assert not port_in_use(port)


def test_cchc_settings_survive_every_config_load_of_the_preview(tmp_path: Path) -> None:
    """mkdocs' serve loads the config before every rebuild with the same settings, and its
    Markdown-extension validation empties them in place: the second load of a `cchc init`
    repository's config failed (`KeyError: 'popitem(): dictionary is empty'`)."""
    from mkdocs.commands import serve as mkdocs_serve_module

    from generator.cli import main
    from generator.site import config as site_config
    from generator.site.serve import _fresh_settings_per_load

    repo = tmp_path / "xa"
    assert main(["init", str(repo), "--ten", "UBND xã Hòa Bình",
                 "--site-url", "https://hoabinh.example.gov.vn/cchc/"]) == 0
    (tmp_path / "docs").mkdir()
    settings = {**site_config.settings(repo / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs"),
                "site_dir": str(tmp_path / "site"), "site_name": "UBND xã Hòa Bình"}
    assert settings["markdown_extensions"]  # cchc's, completed under the short file
    with _fresh_settings_per_load():
        for _ in range(3):
            config = mkdocs_serve_module.load_config(str(repo / "mkdocs.yml"), **settings)
            assert "toc" in config["mdx_configs"]
    original = mkdocs_serve_module.load_config  # restored after the preview: plain again,
    original(str(repo / "mkdocs.yml"), **settings)  # which empties the settings...
    with pytest.raises(KeyError, match="popitem"):  # ...so a second plain load fails
        original(str(repo / "mkdocs.yml"), **settings)
