"""The Dagster UI in headless Chromium: the global asset lineage shows the pipeline's assets.

Chromium is Debian's (/usr/bin/chromium, installed by scripts/install_ui_deps.sh); Playwright
only drives it and never downloads a browser of its own.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from arc_pipeline_tests.ui.conftest import EXPECTED_ASSETS, REPO_ROOT

pytestmark = pytest.mark.ui

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE_TIMEOUT_MS = 30_000
SCREENSHOT_REL = Path("ui-screenshots") / "asset-graph.png"

# Dagster shows a "Join the Dagster community" modal on loopback origins until this is set.
SET_NUX_SEEN = "mutation UiTestSetNuxSeen { setNuxSeen }"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} missing: run `bash scripts/install_ui_deps.sh` (as root)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def test_asset_lineage_graph_renders(browser, base_url, gql, dagster_server):
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    gql(SET_NUX_SEEN)
    context = browser.new_context(viewport={"width": 1600, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    t0 = time.monotonic()
    try:
        # 1.13 serves the global asset lineage at /asset-groups (the "Lineage" nav entry);
        # /assets is the catalog table.
        page.goto(base_url + "/asset-groups", wait_until="domcontentloaded")
        page.get_by_text("Global asset lineage").first.wait_for(state="visible")
        # With several groups the graph starts with every group collapsed; wait for a group
        # box, then expand all groups (the UI's own shortcut, ⌥E) to show the asset nodes.
        page.get_by_text("foundation", exact=True).first.wait_for(state="visible")
        # more room for the graph in the screenshot (cosmetic; skipped if the link moved)
        hide_nav = page.get_by_text("Hide navigation", exact=True)
        if hide_nav.count():
            hide_nav.first.click()
        arc_tasks = page.get_by_text("arc_tasks", exact=True).first
        # ⌥E toggles (expand all / collapse all): only press it while the node is hidden.
        for _attempt in range(3):  # bounded: the shortcut is ignored until the graph is laid out
            if arc_tasks.is_visible():
                break
            page.keyboard.press("Alt+KeyE")
            try:
                arc_tasks.wait_for(state="visible", timeout=8_000)
                break
            except PlaywrightTimeoutError:
                continue
        arc_tasks.wait_for(state="visible")
        assert arc_tasks.is_visible()

        missing = [name for name in EXPECTED_ASSETS
                   if not page.get_by_text(name, exact=True).first.is_visible()]
        # let the zoom-to-fit animation settle before the picture
        page.wait_for_timeout(1_000)
        shot = dagster_server.data_dir / SCREENSHOT_REL  # ARC_PIPELINE_DATA_DIR stands for data/
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=False)
    except Exception:
        failure = dagster_server.data_dir / "ui-screenshots" / "asset-graph-FAILED.png"
        failure.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(failure))
            print(f"\n[ui] failure screenshot: {failure}")
        except Exception:
            pass
        raise
    finally:
        context.close()
    print(f"\n[ui] lineage graph visible after {time.monotonic() - t0:.1f}s")

    assert shot.stat().st_size > 10_000, "screenshot is suspiciously small"
    repo_copy = REPO_ROOT / "data" / SCREENSHOT_REL  # data/ is git-ignored
    repo_copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, repo_copy)
    print(f"[ui] screenshot: {shot} (copy: {repo_copy})")
    assert not missing, f"asset nodes not visible in the lineage graph: {missing}"


ASSET_PAGE_SHOT = "asset-sft_dataset.png"


def test_asset_page_shows_table_metadata(browser, base_url, gql, dagster_server, materialized_lineage, tmp_path):
    """The sft_dataset asset page after the lineage ran: its columns (from dagster/column_schema)
    and its latest materialization's entries are on the page; the screenshot goes under tmp_path."""
    import duckdb

    con = duckdb.connect(str(dagster_server.data_dir / "warehouse.duckdb"), read_only=True)
    try:
        columns = [row[0] for row in con.execute("describe sft_examples").fetchall()]
    finally:
        con.close()
    gql(SET_NUX_SEEN)
    context = browser.new_context(viewport={"width": 1600, "height": 1200}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    shot = tmp_path / ASSET_PAGE_SHOT
    try:
        page.goto(base_url + "/assets/sft_dataset", wait_until="domcontentloaded")
        page.get_by_text("Columns", exact=True).first.wait_for(state="visible")
        # every column of the table, as the schema entry lists it
        page.get_by_text(columns[0], exact=True).first.wait_for(state="visible")
        hidden = [c for c in columns if not page.get_by_text(c, exact=True).first.is_visible()]
        page.wait_for_timeout(1_000)
        page.screenshot(path=str(shot), full_page=True)
    except Exception:
        failure = tmp_path / "asset-page-FAILED.png"
        page.screenshot(path=str(failure), full_page=True)
        print(f"\n[ui] failure screenshot: {failure}")
        raise
    finally:
        context.close()
    print(f"\n[ui] asset page screenshot: {shot}")
    assert shot.stat().st_size > 10_000, "screenshot is suspiciously small"
    assert not hidden, f"columns of sft_examples not shown on the asset page: {hidden}"
