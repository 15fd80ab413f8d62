"""The multiple-choice card's script, run in headless Chromium as Anki's reviewer would run it.

Anki renders the front, then replaces the card's HTML with the back in the same web view, so
`sessionStorage` carries the learner's tap from one to the other. The page below does the same
with the HTML the real `anki` library renders: front (scripts run as the page loads), a click on
an option, then the back swapped in and its scripts re-created (as the reviewer does).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.exports.anki import export_anki
from quizgen.facts.loader import load_fact_base
from quizgen.paths import shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
QUESTION_ID = "kerry-post-secretary-of-state/mc"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs headless Chromium at /usr/bin/chromium (apt-get install -y chromium)",
)

# Shows the front, taps option PICK, notes what the front shows, then swaps in the back.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>%(css)s</style></head>
<body><div class="card" id="qa">%(front)s</div>
<script>
(function () {
  var option = document.querySelector('#qg-options li[data-index="%(pick)d"]');
  if (option) {
    option.click();
    document.documentElement.setAttribute("data-front-picked", option.className);
  }
  var qa = document.getElementById("qa");
  qa.innerHTML = %(back)s;
  var scripts = qa.getElementsByTagName("script");
  for (var i = 0; i < scripts.length; i++) {
    var fresh = document.createElement("script");
    fresh.textContent = scripts[i].textContent;
    scripts[i].parentNode.replaceChild(fresh, scripts[i]);
  }
})();
</script></body></html>
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """The front, back and CSS of one multiple-choice card, as the `anki` library renders them."""
    collection = pytest.importorskip("anki.collection")
    folder = tmp_path_factory.mktemp("anki-js")
    base = load_fact_base(shipped_notes_dir())
    qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), 2016)
    apkg = folder / "deck.apkg"
    apkg.write_bytes(export_anki(qset, base, environ={}).content)
    col = collection.Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(
            collection.ImportAnkiPackageRequest(
                package_path=str(apkg), options=collection.ImportAnkiPackageOptions()
            )
        )
        (nid,) = col.find_notes(f'"note:quizgen multiple choice v1" "QuestionId:{QUESTION_ID}"')
        out = col.get_card(col.get_note(nid).card_ids()[0]).render_output()
        yield out.question_text, out.answer_text, out.css
    finally:
        col.close()


def run_page(folder: Path, front: str, back: str, css: str, pick: int) -> str:
    """The DOM after the page has run, as headless Chromium dumps it."""
    page = folder / "card.html"
    # `</` inside the JSON string would end the page's script: write it as `<\\/`.
    back_js = json.dumps(back).replace("</", "<\\/")
    page.write_text(PAGE % {"css": css, "front": front, "back": back_js, "pick": pick}, "utf-8")
    done = subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def li_classes(dom: str) -> dict[int, str]:
    """Each option's index -> its class attribute, from the dumped back."""
    found = re.findall(r'<li data-index="(\d+)" data-label="\w+"(?: class="([^"]*)")?>', dom)
    return {int(index): classes for index, classes in found}


def key_of(back: str) -> tuple[int, str]:
    match = re.search(r'<li data-index="(\d+)" data-label="(\w+)" class="qg-key">', back)
    assert match is not None
    return int(match.group(1)), match.group(2)


@pytest.mark.parametrize("right", [True, False], ids=["right-pick", "wrong-pick"])
def test_back_marks_the_pick_and_the_key(
    rendered: tuple[str, str, str], tmp_path: Path, right: bool
) -> None:
    front, back, css = rendered
    key, key_label = key_of(back)
    pick = key if right else (key + 1) % 4
    dom = run_page(tmp_path, front, back, css, pick)

    assert 'data-front-picked="qg-picked"' in dom or 'data-front-picked="qg-key qg-picked"' in dom
    classes = li_classes(dom)
    assert "qg-key" in classes[key]
    assert "qg-picked" in classes[pick]
    assert ("qg-right" if right else "qg-wrong") in classes[pick]
    verdict = re.search(r'<div class="qg-verdict ([\w-]+)" id="qg-verdict">([^<]*)</div>', dom)
    assert verdict is not None, "the verdict is still hidden"
    label = key_label if right else "ABCD"[pick]
    expected = f"Right: you picked {label}." if right else f"Not quite: you picked {label}."
    assert (verdict.group(1), html.unescape(verdict.group(2))) == (
        "qg-right" if right else "qg-wrong",
        expected,
    )


def test_back_without_a_pick_shows_no_verdict(
    rendered: tuple[str, str, str], tmp_path: Path
) -> None:
    _, back, css = rendered
    # The back alone, as on a client that shows it without the front's script having run.
    dom = run_page(tmp_path, "", back, css, pick=0)
    assert re.search(r'id="qg-verdict" hidden(="")?>', dom)
    assert not re.search(r'class="[^"]*qg-picked', dom)
    assert "qg-key" in li_classes(dom)[key_of(back)[0]]
